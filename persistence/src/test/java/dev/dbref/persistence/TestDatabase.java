package dev.dbref.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real databases every persistence and HTTP test runs on. Each call of {@link #freshUrl()}
 * gives a new, empty database, so test classes never see each other's rows.
 *
 * <p>PostgreSQL is the server named by {@code TEST_DATABASE_URL} when set (a
 * {@code postgresql://user:pass@host:port/db} URL whose user may create databases), otherwise an
 * embedded PostgreSQL started once per test JVM from Maven Central's binaries. If neither can be
 * had the tests fail: a PostgreSQL test never skips.
 */
public enum TestDatabase {
    SQLITE {
        @Override
        public String freshUrl() {
            try {
                Path dir = Files.createTempDirectory("dbref-test-");
                dir.toFile().deleteOnExit();
                return "sqlite:" + dir.resolve("test.db");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    POSTGRESQL {
        @Override
        public String freshUrl() {
            return PostgresServer.INSTANCE.createDatabase();
        }
    };

    /** A {@code DATABASE_URL} of a new, empty database of this kind. */
    public abstract String freshUrl();

    /** The one PostgreSQL server of this test JVM. */
    static final class PostgresServer {
        static final PostgresServer INSTANCE = new PostgresServer();
        private static final AtomicInteger COUNTER = new AtomicInteger();

        private final String adminUrl;
        private final String user;
        private final String password;
        private final String hostPort;

        private PostgresServer() {
            String external = System.getenv("TEST_DATABASE_URL");
            if (external != null && !external.isBlank()) {
                URI uri = URI.create(external.replaceFirst("^postgres(ql)?(\\+\\w+)?://", "postgresql://"));
                String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres"} : uri.getUserInfo().split(":", 2);
                user = userInfo[0];
                password = userInfo.length > 1 ? userInfo[1] : "";
                hostPort = uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 5432);
                String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
                adminUrl = "jdbc:postgresql://" + hostPort + "/" + db;
            } else {
                EmbeddedPostgres embedded = startEmbedded();
                user = "postgres";
                password = "";
                hostPort = "localhost:" + embedded.getPort();
                adminUrl = "jdbc:postgresql://" + hostPort + "/postgres";
            }
        }

        private static EmbeddedPostgres startEmbedded() {
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the data directory is temporary
                    }
                }));
                return embedded;
            } catch (IOException e) {
                throw new IllegalStateException("could not start the embedded PostgreSQL for the tests; "
                        + "set TEST_DATABASE_URL to a PostgreSQL server instead", e);
            }
        }

        String createDatabase() {
            String name = "dbref_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create test database " + name, e);
            }
            String credentials = password.isEmpty() ? user : user + ":" + password;
            return "postgresql://" + credentials + "@" + hostPort + "/" + name;
        }

        Connection admin() throws SQLException {
            return DriverManager.getConnection(adminUrl, user, password);
        }
    }
}

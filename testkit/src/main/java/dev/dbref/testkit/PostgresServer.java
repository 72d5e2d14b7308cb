package dev.dbref.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL server of this test JVM: the server named by {@code TEST_DATABASE_URL} when
 * set (a {@code postgresql://user:pass@host:port/db} URL whose user may create databases),
 * otherwise an embedded PostgreSQL started once from Maven Central's binaries. If neither can be
 * had the tests fail: a PostgreSQL test never skips.
 */
public final class PostgresServer {
    public static final PostgresServer INSTANCE = new PostgresServer();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String hostPort;
    private final boolean embedded;

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
            embedded = false;
        } else {
            EmbeddedPostgres server = startEmbedded();
            user = "postgres";
            password = "";
            hostPort = "localhost:" + server.getPort();
            adminUrl = "jdbc:postgresql://" + hostPort + "/postgres";
            embedded = true;
        }
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedServers.stoppedOnExit(EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start());
        } catch (IOException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL for the tests; "
                    + "set TEST_DATABASE_URL to a PostgreSQL server instead", e);
        }
    }

    /** A {@code DATABASE_URL} of a new, empty database on this server. */
    public String createDatabase() {
        String name = "dbref_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        String credentials = password.isEmpty() ? user : user + ":" + password;
        return "postgresql://" + credentials + "@" + hostPort + "/" + name;
    }

    /**
     * A {@code DATABASE_URL} for a new database owned by a role that must give {@code password}.
     * On the embedded server, password authentication is switched on for that role alone.
     */
    public String passwordProtectedUrl(String role, String password) {
        String db = createDatabase().replaceAll(".*/", "");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + role);
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            s.execute("GRANT ALL ON DATABASE " + db + " TO " + role);
            s.execute("ALTER DATABASE " + db + " OWNER TO " + role);
            if (embedded) {
                requirePassword(s, role);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not create role " + role, e);
        }
        return "postgresql://" + role + ":" + password + "@" + hostPort + "/" + db;
    }

    /** Puts a password rule for {@code role} ahead of the embedded server's "trust everyone" rules. */
    private static void requirePassword(Statement s, String role) throws SQLException, IOException {
        EmbeddedServers.prependHbaRules(s, "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role
                + " ::1/128 scram-sha-256\n");
    }

    /** The role the tests connect as: one that may create databases and roles. */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A host:port where PostgreSQL listens, for tests that build their own URLs. */
    public String hostPort() {
        return hostPort;
    }

    public Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }
}

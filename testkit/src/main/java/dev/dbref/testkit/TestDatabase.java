package dev.dbref.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The real databases every persistence and HTTP test runs on. Each call of {@link #freshUrl()}
 * gives a new, empty database, so test classes never see each other's rows.
 *
 * <p>PostgreSQL databases live on the one {@link PostgresServer} of the test JVM, or, reached
 * as production reaches them ({@link #fresh()}), on the one {@link TlsPostgres}.
 */
public enum TestDatabase {
    SQLITE {
        @Override
        public String freshUrl() {
            return "sqlite:" + SqliteFiles.newDirectory().resolve("test.db");
        }

        @Override
        public Connections fresh() {
            return Connections.direct(freshUrl());
        }
    },
    POSTGRESQL {
        @Override
        public String freshUrl() {
            return PostgresServer.INSTANCE.createDatabase();
        }

        /** On {@link TlsPostgres}: the runtime role over {@code verify-full}, migrations as the owner. */
        @Override
        public Connections fresh() {
            return TlsPostgres.instance().leastPrivileged();
        }
    };

    /** A plain JDBC connection to a database that {@link #freshUrl()} named, for tests that look behind the service. */
    public static Connection connect(String url) throws SQLException {
        if (url.startsWith("sqlite:")) {
            return DriverManager.getConnection("jdbc:" + url);
        }
        URI uri = URI.create(url);
        String[] userInfo = uri.getRawUserInfo().split(":", 2);
        String password = userInfo.length > 1 ? URLDecoder.decode(userInfo[1], StandardCharsets.UTF_8) : "";
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return DriverManager.getConnection(jdbc, URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8), password);
    }

    /** A {@code DATABASE_URL} of a new, empty database of this kind, reached as its superuser would. */
    public abstract String freshUrl();

    /**
     * A new, empty database of this kind reached as production reaches it. The tests that are not
     * about the topology run on it, so that the whole suite also holds for the service as a
     * least-privileged role over verified TLS.
     */
    public abstract Connections fresh();

    /** Temporary folders of the SQLite test databases, removed with everything in them when the JVM exits. */
    private static final class SqliteFiles {
        private static final List<Path> DIRECTORIES = new CopyOnWriteArrayList<>();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> DIRECTORIES.forEach(SqliteFiles::deleteTree)));
        }

        static Path newDirectory() {
            try {
                Path dir = Files.createTempDirectory("dbref-test-");
                DIRECTORIES.add(dir);
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        // File.deleteOnExit cannot do this: it leaves a folder that is not empty (the database, -wal, -shm).
        private static void deleteTree(Path dir) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // best effort: the JVM is going away
            }
        }
    }
}

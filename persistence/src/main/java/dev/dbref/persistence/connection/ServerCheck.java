package dev.dbref.persistence.connection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * {@code SELECT 1} on a connection of its own, outside any pool: what {@code check} prints, what
 * start-up verifies, and how {@link Availability} learns that a server came back. Fails within
 * seconds, with one clear line, when the database cannot be reached.
 */
public final class ServerCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long {@link Availability}'s probe waits, connecting included: a request that lost its
     * connection waits for it, so it must fit in the request's bound with the statement timeout.
     */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private ServerCheck() {
    }

    /** @throws DatabaseUnreachableException with a one-line reason, never the password */
    public static ServerInfo run(DatabaseUrl url) {
        return run(url, TIMEOUT);
    }

    private static ServerInfo run(DatabaseUrl url, Duration timeout) {
        SqliteFolder.ensure(url);
        Properties properties = url.credentials();
        if (url.dialect() == Dialect.POSTGRESQL) {
            // Each bounds one part: TCP connect, the whole login (a server that accepts and never
            // answers), and every read after it.
            String seconds = String.valueOf(timeout.toSeconds());
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
            properties.setProperty("socketTimeout", seconds);
        }
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties)) {
            return selectOne(connection, url.dialect());
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(ConnectionFailures.describe(e), e);
        }
    }

    public static ServerInfo selectOne(Connection connection, Dialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) TIMEOUT.toSeconds());
            long start = System.nanoTime();
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                rs.next();
            }
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);
            return new ServerInfo(dialect, connection.getMetaData().getDatabaseProductVersion(), roundTrip);
        }
    }

    /** {@code null} when a fresh connection answers, else why not; for {@link Availability}'s probe. */
    public static String reasonUnreachable(DatabaseUrl url) {
        try {
            run(url, PROBE_TIMEOUT);
            return null;
        } catch (DatabaseUnreachableException e) {
            return e.getMessage();
        }
    }
}

package dev.dbref.persistence.connection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
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
    public static ServerInfo reach(DatabaseUrl url) {
        return reach(url, TIMEOUT);
    }

    private static ServerInfo reach(DatabaseUrl url, Duration timeout) {
        try (Connection connection = open(url, timeout)) {
            return reachOn(connection, url.dialect());
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(ConnectionFailures.describe(e), e);
        }
    }

    /**
     * The role {@code url} logs in as and what it may do to the application's tables.
     *
     * @throws DatabaseUnreachableException with a one-line reason, never the password
     */
    public static DatabaseRole role(DatabaseUrl url) {
        if (url.dialect() == Dialect.SQLITE) {
            return new DatabaseRole.FilePermissions();
        }
        try (Connection connection = open(url, TIMEOUT)) {
            return DatabaseRole.on(connection);
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(ConnectionFailures.describe(e), e);
        }
    }

    private static Connection open(DatabaseUrl url, Duration timeout) throws SQLException {
        SqliteFile.prepare(url);
        Properties properties = url.credentials();
        if (url.dialect() == Dialect.POSTGRESQL) {
            // Each bounds one part: TCP connect, the whole login (a server that accepts and never
            // answers), and every read after it.
            String seconds = String.valueOf(timeout.toSeconds());
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
            properties.setProperty("socketTimeout", seconds);
        }
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    /** {@code SELECT 1} on {@code connection}: the server answers, and how fast. */
    public static ServerInfo reachOn(Connection connection, Dialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) TIMEOUT.toSeconds());
            long start = System.nanoTime();
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                rs.next();
            }
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);
            return new ServerInfo(dialect, connection.getMetaData().getDatabaseProductVersion(), roundTrip,
                    Transport.of(connection, dialect));
        }
    }

    /** Why a fresh connection does not answer within {@link #PROBE_TIMEOUT}; empty when it does. For {@link dev.dbref.persistence.unitofwork.Availability}. */
    public static Optional<String> whyUnreachable(DatabaseUrl url) {
        try {
            reach(url, PROBE_TIMEOUT);
            return Optional.empty();
        } catch (DatabaseUnreachableException e) {
            return Optional.of(e.getMessage());
        }
    }
}

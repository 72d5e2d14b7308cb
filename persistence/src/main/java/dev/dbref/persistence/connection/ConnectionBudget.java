package dev.dbref.persistence.connection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * How many connections a PostgreSQL server has left for pools like ours: ten instances with a pool
 * of ten each take a hundred, PostgreSQL's default {@code max_connections}.
 *
 * @param maxConnections the server's {@code max_connections}
 * @param reserved       slots kept for superusers and roles with {@code pg_use_reserved_connections}
 * @param inUse          client connections open now, from every client but this reading's own
 */
public record ConnectionBudget(int maxConnections, int reserved, int inUse) {

    /** Slots an ordinary role can still open. */
    public int free() {
        return Math.max(0, maxConnections - reserved - inUse);
    }

    /** How many more instances with a pool of {@code poolSize} fit. */
    public int instancesThatFit(int poolSize) {
        return free() / Math.max(1, poolSize);
    }

    /** Whether one pool of {@code poolSize} would take more than half of what is free. */
    public boolean tight(int poolSize) {
        return poolSize * 2 > free();
    }

    /** Read on a connection of its own; empty for SQLite, which has no server. */
    public static Optional<ConnectionBudget> of(DatabaseUrl url) {
        if (url.dialect() != Dialect.POSTGRESQL) {
            return Optional.empty();
        }
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.credentials());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('max_connections')::int,"
                     + " current_setting('superuser_reserved_connections')::int"
                     + " + coalesce(current_setting('reserved_connections', true), '0')::int,"
                     + " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                     + " AND pid <> pg_backend_pid())::int")) {
            rs.next();
            return Optional.of(new ConnectionBudget(rs.getInt(1), rs.getInt(2), rs.getInt(3)));
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(ConnectionFailures.describe(e), e);
        }
    }
}

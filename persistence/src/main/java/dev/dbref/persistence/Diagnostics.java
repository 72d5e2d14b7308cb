package dev.dbref.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The operator's questions about a {@link Database}: is it ready, how full is its pool, how many
 * statements ran, how many connections does the server see. Answers in plain words, never a
 * driver's class name.
 */
public final class Diagnostics {
    private final Dialect dialect;
    private final DataSource pool;
    private final Availability availability;
    private final Supplier<PoolStats> poolStats;
    private final Supplier<StatementTotals> statementTotals;
    private final Optional<Replicas> replicas;
    private final Optional<SchemaCheck> schemaCheck;

    Diagnostics(Dialect dialect, DataSource pool, Availability availability, Supplier<PoolStats> poolStats,
                Supplier<StatementTotals> statementTotals, Optional<Replicas> replicas, Optional<SchemaCheck> schemaCheck) {
        this.replicas = replicas;
        this.schemaCheck = schemaCheck;
        this.dialect = dialect;
        this.pool = pool;
        this.availability = availability;
        this.poolStats = poolStats;
        this.statementTotals = statementTotals;
    }

    public Dialect dialect() {
        return dialect;
    }

    public PoolStats poolStats() {
        return poolStats.get();
    }

    public StatementTotals statementTotals() {
        return statementTotals.get();
    }

    /**
     * The standbys of {@code DATABASE_READ_URL}: whether reads go to them, and their pool's figures.
     * Empty when none are configured.
     */
    public Optional<ReplicaReport> replicas() {
        return replicas.map(r -> switch (r.state()) {
            case Replicas.State.InUse inUse -> new ReplicaReport(Optional.empty(), inUse.lag(), r.stats());
            case Replicas.State.Skipped skipped -> new ReplicaReport(Optional.of(skipped.reason()), Duration.ZERO, r.stats());
        });
    }

    /**
     * @param skippedBecause why reads go to the primary now; empty while the standbys serve them
     * @param lag            how far behind the primary the standbys were at the last check
     */
    public record ReplicaReport(Optional<String> skippedBecause, Duration lag, PoolStats pool) {
    }

    /**
     * Readiness: {@code SELECT 1} on a pooled connection, waiting at most {@code timeout} for it.
     *
     * @throws DatabaseUnreachableException with a one-line reason when the database does not answer
     */
    public ServerInfo ping(Duration timeout) {
        if (availability.isDown()) {
            try {
                availability.requireReachable();
            } catch (RuntimeException e) {
                throw new DatabaseUnreachableException(availability.downReason().orElse("the database is unreachable"), e);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = borrow(timeout)) {
            if (System.nanoTime() > deadline) {
                throw new DatabaseUnreachableException(ConnectionFailures.noConnectionWithin(timeout), null);
            }
            ServerInfo info = ServerCheck.selectOne(connection, dialect);
            Optional<String> behind = schemaBehind();
            if (behind.isPresent()) {
                throw new DatabaseUnreachableException(behind.get(), null);
            }
            return info;
        } catch (SQLTimeoutException e) {
            availability.connectionFailed();
            throw new DatabaseUnreachableException(availability.downReason()
                    .orElse(ConnectionFailures.noConnectionWithin(timeout)), e);
        } catch (SQLException e) {
            availability.connectionFailed();
            throw new DatabaseUnreachableException(ConnectionFailures.describe(e), e);
        }
    }

    private Optional<String> schemaBehind() {
        try {
            return schemaCheck.flatMap(SchemaCheck::behind);
        } catch (RuntimeException e) {
            return Optional.of("the schema's version could not be read: " + ConnectionFailures.describe(e));
        }
    }

    /**
     * A pooled connection within {@code timeout}, which may be shorter than the pool's own wait.
     * A connection that arrives after the caller gave up is closed, i.e. returned, when it comes.
     */
    private Connection borrow(Duration timeout) throws SQLException {
        CompletableFuture<Connection> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, task -> Thread.ofVirtual().name("dbref-health-probe").start(task));
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.thenAccept(Diagnostics::closeQuietly);
            throw new SQLTimeoutException(ConnectionFailures.noConnectionWithin(timeout));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException("pool failure", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.thenAccept(Diagnostics::closeQuietly);
            throw new SQLException("interrupted while waiting for a connection", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // returning a connection that broke: HikariCP evicts it
        }
    }

    /**
     * Connections the server sees from all clients to this database ({@code pg_stat_activity});
     * empty on SQLite, which has no server.
     *
     * @throws DatabaseUnreachableException when the server cannot be asked
     */
    public OptionalLong serverConnections() {
        if (dialect != Dialect.POSTGRESQL) {
            return OptionalLong.empty();
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")) {
            rs.next();
            return OptionalLong.of(rs.getLong(1));
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(ConnectionFailures.describe(e), e);
        }
    }
}

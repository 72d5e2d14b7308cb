package dev.dbref.persistence.diagnostics;

import dev.dbref.persistence.connection.ConnectionFailures;
import dev.dbref.persistence.connection.DatabaseUnreachableException;
import dev.dbref.persistence.connection.Dialect;
import dev.dbref.persistence.connection.PoolStats;
import dev.dbref.persistence.connection.ServerInfo;
import dev.dbref.persistence.routing.Replicas;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The operator's questions about a {@link Database}: is it ready, how full is its pool, how many
 * statements ran, how many connections does the server see. Answers in plain words, never a
 * driver's class name.
 */
public final class Diagnostics {
    private final Readiness readiness;
    private final DataSource pool;
    private final Supplier<PoolStats> poolStats;
    private final Supplier<StatementTotals> statementTotals;
    private final Optional<Replicas> replicas;
    private final Dialect dialect;

    public Diagnostics(Readiness readiness, DataSource pool, Supplier<PoolStats> poolStats,
                Supplier<StatementTotals> statementTotals, Optional<Replicas> replicas) {
        this.readiness = readiness;
        this.pool = pool;
        this.poolStats = poolStats;
        this.statementTotals = statementTotals;
        this.replicas = replicas;
        this.dialect = readiness.dialect();
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
     * Readiness, answered within {@code timeout} whatever the network does.
     *
     * @throws DatabaseUnreachableException with a one-line reason when the database does not answer
     */
    public ServerInfo ready(Duration timeout) {
        return readiness.ready(timeout);
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

package dev.dbref.persistence.routing;

import dev.dbref.persistence.connection.ConnectionFailures;
import dev.dbref.persistence.connection.PoolStats;
import dev.dbref.persistence.connection.PoolTelemetry;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The hot standbys of {@code DATABASE_READ_URL}, one pool over all of them (the driver spreads
 * connections across the hosts), and whether they may serve reads. A background check runs every
 * second: a standby that cannot be reached, or lags more than {@code DB_REPLICA_MAX_LAG} behind the
 * primary, is skipped and reads go to the primary; once it has caught up, reads return to it.
 */
public final class Replicas implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Replicas.class.getName());
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    /** A check that takes longer than this counts as "no answer". */
    private static final Duration CHECK_PATIENCE = Duration.ofSeconds(3);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(5);

    /** Whether reads may go to the standbys now. */
    public sealed interface State {
        /** @param lag how far behind the primary the standby was at the last check */
        record InUse(Duration lag) implements State {
        }

        /** @param reason why reads go to the primary, in plain words */
        record Skipped(String reason) implements State {
        }
    }

    private final HikariDataSource pool;
    private final PoolTelemetry telemetry;
    private final DataSource primary;
    private final Duration maxLag;
    private final Duration readYourWritesWait;
    private final Thread checker;
    private volatile State state = new State.Skipped("not checked yet");
    private volatile long checkStartedNanos;
    private volatile boolean closed;

    public Replicas(HikariDataSource pool, PoolTelemetry telemetry, DataSource primary, Duration maxLag,
             Duration readYourWritesWait) {
        this.pool = pool;
        this.telemetry = telemetry;
        this.primary = primary;
        this.maxLag = maxLag;
        this.readYourWritesWait = readYourWritesWait;
        check();
        this.checker = Thread.ofVirtual().name("dbref-replica-check").start(this::checkEverySecond);
    }

    HikariDataSource pool() {
        return pool;
    }

    public PoolStats stats() {
        return PoolTelemetry.statsOf(pool, telemetry);
    }

    public State state() {
        long started = checkStartedNanos;
        if (started != 0 && System.nanoTime() - started > CHECK_PATIENCE.toNanos()) {
            return new State.Skipped("the standby did not answer within " + CHECK_PATIENCE.toSeconds() + "s");
        }
        return state;
    }

    /** A standby failed under a read: skip the standbys until the next check finds them well. */
    void failed(String reason) {
        state = new State.Skipped(reason);
    }

    /**
     * A standby connection that has replayed at least {@code required}, waiting at most
     * {@code DB_READ_YOUR_WRITES_WAIT} for it; empty when the standbys are skipped or did not catch up.
     */
    Optional<Connection> connection(Optional<CommitPosition> required) throws SQLException {
        if (!(state() instanceof State.InUse)) {
            return Optional.empty();
        }
        Connection connection = pool.getConnection();
        if (required.isEmpty() || caughtUp(connection, required.get())) {
            return Optional.of(connection);
        }
        connection.close();
        return Optional.empty();
    }

    private boolean caughtUp(Connection connection, CommitPosition required) throws SQLException {
        long deadline = System.nanoTime() + readYourWritesWait.toNanos();
        try (PreparedStatement replayed = connection.prepareStatement(
                "SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
            replayed.setString(1, required.pgLsn());
            while (true) {
                try (ResultSet rs = replayed.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try {
                    Thread.sleep(CATCH_UP_POLL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private void checkEverySecond() {
        while (!closed) {
            try {
                Thread.sleep(CHECK_EVERY);
            } catch (InterruptedException e) {
                return;
            }
            check();
        }
    }

    private void check() {
        checkStartedNanos = System.nanoTime();
        State next;
        try {
            next = measure();
        } catch (SQLException | RuntimeException e) {
            next = new State.Skipped("the standby is unreachable: " + ConnectionFailures.describe(e));
        } finally {
            checkStartedNanos = 0;
        }
        State previous = state;
        state = next;
        if (previous.getClass() != next.getClass()) {
            LOG.log(next instanceof State.InUse ? Level.INFO : Level.WARNING, next instanceof State.Skipped skipped
                    ? "reads go to the primary: " + skipped.reason()
                    : "reads go to the standbys again");
        }
    }

    private State measure() throws SQLException {
        CommitPosition primaryAt;
        try (Connection p = primary.getConnection(); Statement s = p.createStatement();
             ResultSet rs = s.executeQuery("SELECT CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_lsn()::text END")) {
            rs.next();
            primaryAt = rs.getString(1) == null ? CommitPosition.NONE : CommitPosition.fromPgLsn(rs.getString(1));
        }
        try (Connection r = pool.getConnection(); Statement s = r.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,"
                     + " EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return new State.InUse(Duration.ZERO); // promoted: it is a primary itself now
            }
            String replayed = rs.getString(2);
            if (replayed != null && Long.compareUnsigned(CommitPosition.fromPgLsn(replayed).lsn(), primaryAt.lsn()) >= 0) {
                return new State.InUse(Duration.ZERO);
            }
            double seconds = rs.getDouble(3);
            if (rs.wasNull()) {
                return new State.Skipped("the standby has not replayed the primary's latest writes yet");
            }
            Duration lag = Duration.ofMillis(Math.round(seconds * 1000));
            if (lag.compareTo(maxLag) > 0) {
                return new State.Skipped(String.format(Locale.ROOT, "the standby lags %.1fs behind the primary,"
                        + " more than DB_REPLICA_MAX_LAG (%ds)", seconds, maxLag.toSeconds()));
            }
            return new State.InUse(lag);
        }
    }

    @Override
    public void close() {
        closed = true;
        checker.interrupt();
        pool.close();
    }
}

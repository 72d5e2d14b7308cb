package dev.dbref.persistence.connection;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * What HikariCP reports about its own work (it calls us; we count nothing it already counts):
 * connections handed out, how long callers waited for them, and waits that timed out. Everything
 * is also passed on to the tracker the composition root gives (HikariCP's Micrometer tracker, so
 * dashboards find the {@code hikaricp_*} names), which this adapter does not need to know. Callers
 * waiting at the pool's borrow gate count as waiting for a connection, in both.
 */
public final class PoolTelemetry implements MetricsTrackerFactory {
    /** Exports nothing: HikariCP's tracker with its default, empty methods. */
    public static final MetricsTrackerFactory NOT_EXPORTED = (poolName, poolStats) -> new IMetricsTracker() {
    };

    private final MetricsTrackerFactory exported;
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder acquired = new LongAdder();
    private final LongAdder acquireNanos = new LongAdder();
    /** The exported tracker of the pool this telemetry serves (one pool each), once HikariCP made it. */
    private volatile IMetricsTracker exportedTracker = new IMetricsTracker() {
    };
    /** Callers waiting for their turn before HikariCP (the borrow gate), whom it does not count. */
    private volatile IntSupplier waitingBeforePool = () -> 0;

    public PoolTelemetry(MetricsTrackerFactory exported) {
        this.exported = exported;
    }

    @Override
    public IMetricsTracker create(String poolName, com.zaxxer.hikari.metrics.PoolStats poolStats) {
        IMetricsTracker next = exported.create(poolName, new com.zaxxer.hikari.metrics.PoolStats(0) {
            @Override
            protected void update() {
                totalConnections = poolStats.getTotalConnections();
                idleConnections = poolStats.getIdleConnections();
                activeConnections = poolStats.getActiveConnections();
                pendingThreads = poolStats.getPendingThreads() + waitingBeforePool.getAsInt();
                maxConnections = poolStats.getMaxConnections();
                minConnections = poolStats.getMinConnections();
            }
        });
        exportedTracker = next;
        return new IMetricsTracker() {
            @Override
            public void recordConnectionCreatedMillis(long millis) {
                next.recordConnectionCreatedMillis(millis);
            }

            @Override
            public void recordConnectionAcquiredNanos(long nanos) {
                acquired.increment();
                acquireNanos.add(nanos);
                next.recordConnectionAcquiredNanos(nanos);
            }

            @Override
            public void recordConnectionUsageMillis(long millis) {
                next.recordConnectionUsageMillis(millis);
            }

            @Override
            public void recordConnectionTimeout() {
                timeouts.increment();
                next.recordConnectionTimeout();
            }

            @Override
            public void close() {
                next.close();
            }
        };
    }

    /** SQLite writers that gave up waiting at the write gate: to the caller, the same as a pool timeout. */
    public void recordWriteGateTimeout() {
        timeouts.increment();
    }

    /**
     * A unit of work that gave up waiting for its turn before the pool (the borrow gate): to the
     * caller and on dashboards ({@code hikaricp_connections_timeout_total}), a pool timeout.
     */
    public void recordBorrowTimeout() {
        timeouts.increment();
        exportedTracker.recordConnectionTimeout();
    }

    /** Counts {@code waiting} callers as waiting for a connection of this pool. */
    public void countAlsoWaiting(IntSupplier waiting) {
        waitingBeforePool = waiting;
    }

    long timeouts() {
        return timeouts.sum();
    }

    long acquired() {
        return acquired.sum();
    }

    long acquireNanos() {
        return acquireNanos.sum();
    }

    /** The figures of {@code pool} now, with what {@code telemetry} counted. */
    public static PoolStats statsOf(HikariDataSource pool, PoolTelemetry telemetry) {
        HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        int max = pool.getMaximumPoolSize();
        double waited = telemetry.acquireNanos() / 1e9;
        if (mx == null) {
            return new PoolStats(0, 0, 0, 0, max, telemetry.timeouts(), telemetry.acquired(), waited);
        }
        return new PoolStats(mx.getActiveConnections(), mx.getIdleConnections(),
                mx.getThreadsAwaitingConnection() + telemetry.waitingBeforePool.getAsInt(),
                mx.getTotalConnections(), max, telemetry.timeouts(), telemetry.acquired(), waited);
    }
}

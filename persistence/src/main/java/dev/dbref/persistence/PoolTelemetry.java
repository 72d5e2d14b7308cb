package dev.dbref.persistence;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;

import java.util.concurrent.atomic.LongAdder;

/**
 * What HikariCP reports about its own work (it calls us; we count nothing it already counts):
 * connections handed out, how long callers waited for them, and waits that timed out.
 */
final class PoolTelemetry implements MetricsTrackerFactory, IMetricsTracker {
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder acquired = new LongAdder();
    private final LongAdder acquireNanos = new LongAdder();

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        return this;
    }

    @Override
    public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
        acquired.increment();
        acquireNanos.add(elapsedAcquiredNanos);
    }

    @Override
    public void recordConnectionTimeout() {
        timeouts.increment();
    }

    /** SQLite writers that gave up waiting at the write gate: to the caller, the same as a pool timeout. */
    void recordWriteGateTimeout() {
        timeouts.increment();
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
}

package dev.dbref.persistence.unitofwork;

import dev.dbref.domain.port.StoreUnavailableException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Makes an outage cost each request milliseconds, not the pool timeout. Once a unit of work finds
 * the server unreachable, later ones fail at once with "unavailable" instead of queueing in the
 * pool; at most once per {@link #RETRY_EVERY}, one caller probes the server with a fresh
 * connection (which fails fast when nothing listens) and, when it answers, traffic resumes on
 * a refreshed pool. A file database (SQLite) cannot be unreachable this way and never trips.
 */
public final class Availability {
    static final Duration RETRY_EVERY = Duration.ofSeconds(1);

    private final Supplier<Optional<String>> probe;
    private final Runnable refreshPool;
    private final ReentrantLock probing = new ReentrantLock();
    private volatile String downReason;
    private volatile long lastProbeNanos = System.nanoTime() - RETRY_EVERY.toNanos();

    /**
     * @param probe       connects afresh and runs {@code SELECT 1} within {@code ServerCheck.PROBE_TIMEOUT};
     *                    empty when the server answered, else the reason it did not
     * @param refreshPool retires every pooled connection (they died with the server)
     */
    public Availability(Supplier<Optional<String>> probe, Runnable refreshPool) {
        this.probe = probe;
        this.refreshPool = refreshPool;
    }

    /** For a file database (SQLite): there is no server to lose. */
    public static Availability alwaysReachable() {
        return new Availability(Optional::empty, () -> { });
    }

    /**
     * Before borrowing: fails fast while the server is known to be down. At most one caller probes
     * at a time, once per {@link #RETRY_EVERY}; the others answer at once instead of queueing
     * behind a probe that a dead network makes wait for its time-out.
     */
    public void requireReachable() {
        if (downReason == null) {
            return;
        }
        if (!probing.tryLock()) {
            throw unavailable();
        }
        try {
            if (downReason == null) {
                return;
            }
            if (System.nanoTime() - lastProbeNanos < RETRY_EVERY.toNanos()) {
                throw unavailable();
            }
            lastProbeNanos = System.nanoTime();
            Optional<String> stillDown = probe.get();
            if (stillDown.isPresent()) {
                downReason = stillDown.get();
                throw unavailable();
            }
            downReason = null;
            refreshPool.run();
        } finally {
            probing.unlock();
        }
    }

    /**
     * After a unit of work lost its connection or could not get one: is the server gone? A probe
     * already running, or run within the last {@link #RETRY_EVERY}, answers for this failure too.
     */
    public void connectionFailed() {
        if (!probing.tryLock()) {
            return;
        }
        try {
            if (System.nanoTime() - lastProbeNanos < RETRY_EVERY.toNanos()) {
                return;
            }
            lastProbeNanos = System.nanoTime();
            probe.get().ifPresent(reason -> downReason = reason);
        } finally {
            probing.unlock();
        }
    }

    public boolean isDown() {
        return downReason != null;
    }

    /** Why the server is taken to be down; empty while it is not. */
    public Optional<String> downReason() {
        return Optional.ofNullable(downReason);
    }

    private StoreUnavailableException unavailable() {
        return new StoreUnavailableException(downReason, null);
    }
}

package dev.dbref.persistence.unitofwork;

import dev.dbref.domain.port.StoreUnavailableException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets one write transaction at a time into SQLite, which allows one writer anyway.
 *
 * <p>Waiting here parks a virtual thread; waiting in the driver's busy handler would pin one of
 * the few carrier threads inside native code. A writer is let in before it borrows a
 * connection, so no connection is held while it waits. PostgreSQL needs no gate.
 */
public final class WriteGate {
    private final Semaphore permit;
    private final Duration timeout;
    private final Runnable onTimeout;

    private WriteGate(Semaphore permit, Duration timeout, Runnable onTimeout) {
        this.permit = permit;
        this.timeout = timeout;
        this.onTimeout = onTimeout;
    }

    public static WriteGate open() {
        return new WriteGate(null, Duration.ZERO, () -> { });
    }

    /** @param onTimeout told of every writer that gave up waiting (counted with the pool's timeouts) */
    public static WriteGate oneWriter(Duration timeout, Runnable onTimeout) {
        return new WriteGate(new Semaphore(1, true), timeout, onTimeout);
    }

    <T> T pass(Supplier<T> write) {
        if (permit == null) {
            return write.get();
        }
        acquire();
        try {
            return write.get();
        } finally {
            permit.release();
        }
    }

    private void acquire() {
        try {
            if (!permit.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                onTimeout.run();
                throw new StoreUnavailableException(
                        "no database connection became free within " + timeout.toMillis() + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for a database connection", e);
        }
    }
}

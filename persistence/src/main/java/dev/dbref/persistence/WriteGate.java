package dev.dbref.persistence;

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
final class WriteGate {
    private final Semaphore permit;
    private final Duration timeout;

    private WriteGate(Semaphore permit, Duration timeout) {
        this.permit = permit;
        this.timeout = timeout;
    }

    static WriteGate open() {
        return new WriteGate(null, Duration.ZERO);
    }

    static WriteGate oneWriter(Duration timeout) {
        return new WriteGate(new Semaphore(1, true), timeout);
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
                throw new StoreUnavailableException(
                        "no database connection became free within " + timeout.toMillis() + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for a database connection", e);
        }
    }
}

package dev.dbref.persistence.unitofwork;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets no more units of work borrow from a pool at once than it has connections; the rest wait
 * here, in the order they came, at most the pool timeout. HikariCP's own wait is not FIFO (a
 * newcomer takes a returned connection before one that has waited), and each caller that waits
 * inside it hands a task to its connection-adder thread, even when the pool is full: under 32
 * clients over 10 connections that thread was woken thousands of times a second (bench/run, GET
 * by id: +19 % requests/s and a shorter tail once nobody waited inside the pool).
 */
final class BorrowGate {
    private final Semaphore permits;
    private final Duration wait;
    private final Runnable timedOut;

    /** @param timedOut counts a wait that gave up, as the pool's own timeouts are counted */
    BorrowGate(int connections, Duration wait, Runnable timedOut) {
        this.permits = new Semaphore(connections, true);
        this.wait = wait;
        this.timedOut = timedOut;
    }

    /** Waits for a turn; the caller releases it with {@link #leave()} once the connection is back. */
    void enter() throws SQLTransientConnectionException {
        boolean entered;
        try {
            entered = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a database connection", e);
        }
        if (!entered) {
            timedOut.run();
            throw new SQLTransientConnectionException("no pooled connection became free within " + wait.toMillis() + " ms");
        }
    }

    void leave() {
        permits.release();
    }

    /** Callers waiting for a turn now. */
    int waiting() {
        return permits.getQueueLength();
    }
}

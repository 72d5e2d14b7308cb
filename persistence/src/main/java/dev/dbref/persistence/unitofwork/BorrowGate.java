package dev.dbref.persistence.unitofwork;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets no more units of work borrow from a pool at once than it has connections; the rest wait
 * here, in the order they came, at most the pool timeout. HikariCP's own wait is not FIFO (a
 * newcomer takes a returned connection before one that has waited), and each caller that waits
 * inside it also wakes its connection-adder thread, even when the pool is full. bench/run, GET by
 * id at 32 clients over 10 connections: p99 7-10 ms without the gate, 5-6 ms with it.
 *
 * <p>A waiter parks without a timeout, and one task per gate gives up the waiters whose time is
 * over, scheduled for the oldest waiter's deadline. A timed park per waiter (a semaphore's
 * {@code tryAcquire(timeout)}) schedules and cancels a timer on JDK 25's {@code DelayScheduler}
 * for nearly every request under load, waking its thread each time (99.9 % of the service's timed
 * parks under GET load, async-profiler).
 */
final class BorrowGate {
    private static final ScheduledExecutorService EXPIRY = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dbref-borrow-gate-expiry").daemon().factory());

    private final long waitNanos;
    private final Runnable timedOut;
    private final ReentrantLock lock = new ReentrantLock();
    /** Oldest first, so deadlines come in order. Non-empty only while no turn is free. */
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private int free;
    private boolean expiryScheduled;

    /** @param timedOut counts a wait that gave up, as the pool's own timeouts are counted */
    BorrowGate(int connections, Duration wait, Runnable timedOut) {
        this.free = connections;
        this.waitNanos = wait.toNanos();
        this.timedOut = timedOut;
    }

    /** Waits for a turn; the caller releases it with {@link #leave()} once the connection is back. */
    void enter() throws SQLTransientConnectionException {
        Waiter waiter;
        lock.lock();
        try {
            if (free > 0) {
                free--;
                return;
            }
            waiter = new Waiter(Thread.currentThread(), System.nanoTime() + waitNanos);
            queue.addLast(waiter);
            if (!expiryScheduled) {
                expiryScheduled = true;
                EXPIRY.schedule(this::expire, waitNanos, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
        awaitTurn(waiter);
    }

    /** Hands the turn to the oldest waiter, or makes it free. */
    void leave() {
        Waiter next;
        lock.lock();
        try {
            next = queue.pollFirst();
            if (next == null) {
                free++;
                return;
            }
            next.state = State.ADMITTED;
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(next.thread);
    }

    /** Callers waiting for a turn now. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void awaitTurn(Waiter waiter) throws SQLTransientConnectionException {
        boolean interrupted = false;
        while (waiter.state == State.WAITING) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true;
                if (withdraw(waiter)) {
                    Thread.currentThread().interrupt();
                    throw new SQLTransientConnectionException("interrupted while waiting for a database connection");
                }
            }
        }
        if (interrupted) {
            // Admitted or expired just as it was interrupted: the caller still learns of the interrupt.
            Thread.currentThread().interrupt();
        }
        if (waiter.state == State.EXPIRED) {
            timedOut.run();
            throw new SQLTransientConnectionException("no pooled connection became free within "
                    + TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms");
        }
    }

    /** @return whether the waiter left the queue; false when it was admitted or expired meanwhile */
    private boolean withdraw(Waiter waiter) {
        lock.lock();
        try {
            return waiter.state == State.WAITING && queue.remove(waiter);
        } finally {
            lock.unlock();
        }
    }

    private void expire() {
        List<Waiter> expired = new ArrayList<>();
        lock.lock();
        try {
            long now = System.nanoTime();
            for (Waiter oldest = queue.peekFirst(); oldest != null && now - oldest.deadline >= 0; oldest = queue.peekFirst()) {
                queue.pollFirst().state = State.EXPIRED;
                expired.add(oldest);
            }
            Waiter next = queue.peekFirst();
            expiryScheduled = next != null;
            if (next != null) {
                EXPIRY.schedule(this::expire, next.deadline - now, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
        expired.forEach(waiter -> LockSupport.unpark(waiter.thread));
    }

    private enum State { WAITING, ADMITTED, EXPIRED }

    private static final class Waiter {
        final Thread thread;
        final long deadline;
        volatile State state = State.WAITING;

        Waiter(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }
    }
}

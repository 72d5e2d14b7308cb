package dev.dbref.persistence.unitofwork;

import dev.dbref.testkit.Eventually;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate in front of a pool, with real threads: turns in arrival order, waits that end at their
 * deadline with no timer of their own, interrupts, and no turn lost or made up under churn.
 */
class BorrowGateTest {
    private static final Duration LONG_WAIT = Duration.ofSeconds(30);

    @Test
    void turns_go_to_the_waiters_in_the_order_they_came() throws Exception {
        BorrowGate gate = new BorrowGate(1, LONG_WAIT, () -> { });
        gate.enter();
        List<Integer> served = new CopyOnWriteArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 5; i++) {
                int caller = i;
                threads.submit(() -> {
                    gate.enter();
                    served.add(caller);
                    gate.leave();
                    return null;
                });
                Eventually.until("caller " + i + " waits", () -> gate.waiting() == caller + 1);
            }
            gate.leave();
        }
        assertEquals(List.of(0, 1, 2, 3, 4), served);
        assertEquals(0, gate.waiting());
    }

    @Test
    void a_waiter_gives_up_at_its_deadline_is_counted_and_takes_no_turn() throws Exception {
        Duration wait = Duration.ofMillis(300);
        AtomicInteger timeouts = new AtomicInteger();
        BorrowGate gate = new BorrowGate(1, wait, timeouts::incrementAndGet);
        gate.enter();

        long start = System.nanoTime();
        SQLTransientConnectionException refused = assertThrows(SQLTransientConnectionException.class, gate::enter);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(waited.compareTo(wait) >= 0, "gave up after " + waited.toMillis() + " ms, before the wait");
        assertTrue(waited.compareTo(wait.plusSeconds(5)) < 0, "gave up only after " + waited.toMillis() + " ms");
        assertEquals("no pooled connection became free within 300 ms", refused.getMessage());
        assertEquals(1, timeouts.get());
        assertEquals(0, gate.waiting());
        gate.leave();
        assertOneTurnFree(gate);
    }

    @Test
    void each_waiter_waits_its_own_full_time() throws Exception {
        Duration wait = Duration.ofMillis(400);
        BorrowGate gate = new BorrowGate(1, wait, () -> { });
        gate.enter();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Duration> first = threads.submit(() -> waitUntilRefused(gate));
            Eventually.until("the first waits", () -> gate.waiting() == 1);
            long queued = System.nanoTime();
            Eventually.until("the first has waited a while", () -> System.nanoTime() - queued > Duration.ofMillis(200).toNanos());
            Future<Duration> second = threads.submit(() -> waitUntilRefused(gate));

            assertTrue(first.get().compareTo(wait) >= 0, "the first gave up after " + first.get().toMillis() + " ms");
            assertTrue(second.get().compareTo(wait) >= 0, "the second gave up after " + second.get().toMillis()
                    + " ms: at the first one's deadline, not its own");
        }
        gate.leave();
        assertOneTurnFree(gate);
    }

    @Test
    void an_interrupted_waiter_leaves_the_queue_and_loses_no_turn() throws Exception {
        BorrowGate gate = new BorrowGate(1, LONG_WAIT, () -> { });
        gate.enter();
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                gate.enter();
                stillInterrupted.completeExceptionally(new AssertionError("entered a full gate"));
            } catch (SQLTransientConnectionException expected) {
                stillInterrupted.complete(Thread.currentThread().isInterrupted());
            }
        });
        Eventually.until("the caller waits", () -> gate.waiting() == 1);
        waiter.interrupt();

        assertTrue(stillInterrupted.get(), "the interrupt was swallowed");
        assertEquals(0, gate.waiting());
        gate.leave();
        assertOneTurnFree(gate);
    }

    @Test
    void under_churn_no_more_than_its_turns_are_in_and_none_is_lost() throws Exception {
        int turns = 3;
        BorrowGate gate = new BorrowGate(turns, LONG_WAIT, () -> { });
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> callers = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 200; i++) {
                callers.add(threads.submit(() -> {
                    for (int round = 0; round < 100; round++) {
                        gate.enter();
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.yield();
                        inside.decrementAndGet();
                        gate.leave();
                    }
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        }
        assertEquals(turns, most.get(), "most callers inside at once");
        for (int i = 0; i < turns; i++) {
            gate.enter();
        }
        assertOneMoreWaits(gate);
    }

    /** How long {@code enter} waited before it gave up. */
    private static Duration waitUntilRefused(BorrowGate gate) {
        long start = System.nanoTime();
        try {
            gate.enter();
            throw new AssertionError("entered a full gate");
        } catch (SQLTransientConnectionException expected) {
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    /** One enter passes at once and the next one waits: exactly one turn was free. */
    private static void assertOneTurnFree(BorrowGate gate) throws Exception {
        gate.enter();
        assertOneMoreWaits(gate);
    }

    private static void assertOneMoreWaits(BorrowGate gate) throws InterruptedException, ExecutionException {
        CompletableFuture<Void> entered = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                gate.enter();
                entered.complete(null);
            } catch (SQLTransientConnectionException e) {
                entered.completeExceptionally(e);
            }
        });
        Eventually.until("a caller waits at the full gate", () -> gate.waiting() == 1);
        assertTrue(!entered.isDone(), "entered a full gate");
        gate.leave();
        entered.get();
    }
}

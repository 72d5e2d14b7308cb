package dev.dbref.web.request;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A request body must arrive whole within a time limit. Helidon keeps waiting for a body the
 * client declared and stopped sending (measured: still open after 50 s), and such a request
 * holds its share of the {@link BodyBudget}: a few of them would shut every body out. A sweeper
 * interrupts readers past their deadline; interrupting a virtual thread blocked in a socket read
 * closes the socket, which ends the request and returns its budget.
 *
 * <p>One per server: started with it, closed after it stops.
 */
public final class BodyDeadline implements AutoCloseable {
    private static final long SWEEP_MILLIS = 250;

    private final Map<Thread, Long> reading = new ConcurrentHashMap<>();
    private final Set<Thread> expired = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dbref-body-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private BodyDeadline() {
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    public static BodyDeadline start() {
        return new BodyDeadline();
    }

    /** Reads up to {@code max} bytes; {@link BodyTimeoutException} when they do not all arrive within {@code limit}. */
    public byte[] readNBytes(InputStream in, int max, Duration limit) throws IOException {
        Thread reader = Thread.currentThread();
        reading.put(reader, System.nanoTime() + limit.toNanos());
        try {
            byte[] bytes = in.readNBytes(max);
            settle(reader);
            return bytes;
        } catch (IOException | RuntimeException e) {
            settle(reader);
            throw e;
        }
    }

    /** Stops watching; throws if the sweeper got there first (its interrupt has then been delivered). */
    private void settle(Thread reader) {
        // Atomic with the sweeper's computeIfPresent on this key: after it, no interrupt can arrive.
        reading.remove(reader);
        if (expired.remove(reader)) {
            Thread.interrupted();
            throw new BodyTimeoutException();
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Thread reader : reading.keySet()) {
            reading.computeIfPresent(reader, (thread, deadline) -> {
                if (now - deadline < 0) {
                    return deadline;
                }
                expired.add(thread);
                thread.interrupt();
                return null;
            });
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /** The body did not arrive in time; the connection is already closed. */
    public static final class BodyTimeoutException extends RuntimeException {
        BodyTimeoutException() {
            super("the request body did not arrive in time", null, false, false);
        }
    }
}

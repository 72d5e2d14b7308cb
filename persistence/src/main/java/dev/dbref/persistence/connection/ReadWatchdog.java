package dev.dbref.persistence.connection;

import dev.dbref.persistence.connection.WatchedSocketFactory.WatchedSocket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives up the database reads that waited past their bound: every {@link #PERIOD_MILLIS} one
 * daemon thread looks at the open {@link WatchedSocket}s and closes those whose read has waited
 * too long. A read is thus given up between its bound and its bound plus one period.
 *
 * <p>This is what a socket timeout did for pgjdbc (a black-holed network, a frozen server or
 * proxy, where the statement timeout's cancel request is lost too), without a timer per read.
 */
final class ReadWatchdog {
    static final ReadWatchdog INSTANCE = new ReadWatchdog();
    static final long PERIOD_MILLIS = 100;

    private final Set<WatchedSocket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong sweeps = new AtomicLong();

    private ReadWatchdog() {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("dbref-read-watchdog").daemon().factory());
        sweeper.scheduleWithFixedDelay(this::sweep, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void watch(WatchedSocket socket) {
        open.add(socket);
    }

    void forget(WatchedSocket socket) {
        open.remove(socket);
    }

    /** Whether {@code socket} is connected, not yet closed, and so looked at by each sweep. */
    boolean watches(WatchedSocket socket) {
        return open.contains(socket);
    }

    /** How many sweeps have run: lets a test wait for the watchdog to have looked. */
    long sweeps() {
        return sweeps.get();
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            for (WatchedSocket socket : open) {
                if (socket.waitedTooLong(now)) {
                    socket.giveUp();
                }
            }
        } catch (RuntimeException e) {
            // A failure must not end the sweeping: the next sweep tries again.
        } finally {
            sweeps.incrementAndGet();
        }
    }
}

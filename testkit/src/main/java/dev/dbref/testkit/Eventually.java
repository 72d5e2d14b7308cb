package dev.dbref.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition, polling, with a generous bound: tests wait for states, never for fixed times. */
public final class Eventually {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) {
        await(what, BOUND, condition);
    }

    /** Waits at most {@code bound} for {@code condition}, polling; fails the test with {@code what} otherwise. */
    public static void await(String what, Duration bound, BooleanSupplier condition) {
        if (!within(bound, condition)) {
            fail("not within " + bound.toSeconds() + " s: " + what);
        }
    }

    /** Whether {@code condition} came true within {@code bound}, polling; never fails by itself. */
    public static boolean within(Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}

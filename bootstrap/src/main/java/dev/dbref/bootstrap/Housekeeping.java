package dev.dbref.bootstrap;

import dev.dbref.domain.usecase.SafeRetries;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Work no request waits for: once a minute, the {@code Idempotency-Key}s older than
 * {@code IDEMPOTENCY_TTL} are deleted, in short batches. Every instance does it; a batch that
 * another instance deleted first deletes nothing. While the database is down it tries next time.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Housekeeping.class.getName());
    static final Duration EVERY = Duration.ofMinutes(1);

    private final Thread thread;

    private Housekeeping(SafeRetries retries, Duration every) {
        this.thread = Thread.ofVirtual().name("dbref-housekeeping").start(() -> run(retries, every));
    }

    static Housekeeping start(SafeRetries retries) {
        return new Housekeeping(retries, EVERY);
    }

    private static void run(SafeRetries retries, Duration every) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            try {
                int purged = retries.purgeExpired();
                if (purged > 0) {
                    LOG.log(Level.DEBUG, "purged " + purged + " expired Idempotency-Key(s)");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "expired Idempotency-Keys are purged next time: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}

package dev.dbref.web;

import dev.dbref.web.http.HttpProblem;
import dev.dbref.web.http.RequestBodies;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the request bodies being handled at once, in bytes, so that load cannot exhaust the
 * heap. A body is read whole and parsed into a tree several times its size, which lives until the
 * response; 200 concurrent bulk requests of 0.7 MB each ended the service with OutOfMemoryError
 * (-Xmx96m) before this. A request with a body reserves its declared length (the size limit when
 * undeclared) until its response is sent; when the budget is spent it waits, in arrival order, as
 * long as a request may wait for a pooled connection, then gets 503 with {@code Retry-After}.
 * Bodiless requests pass. An admitted body must then arrive within the body timeout, or the
 * connection is closed ({@link BodyDeadline}): a stalled client cannot keep its share.
 */
final class BodyBudget implements Filter {
    private final Semaphore kibibytes;
    private final Duration maxWait;

    /**
     * @param budgetBytes raised to {@link RequestBodies#MAX_BYTES} if lower, so that any admissible body fits
     */
    BodyBudget(long budgetBytes, Duration maxWait) {
        this.kibibytes = new Semaphore(kib(Math.max(budgetBytes, RequestBodies.MAX_BYTES)), true);
        this.maxWait = maxWait;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!req.content().hasEntity()) {
            chain.proceed();
            return;
        }
        // Larger declared bodies are refused with 413 after reading at most MAX_BYTES of them.
        int permits = kib(Math.min(req.headers().contentLength().orElse(RequestBodies.MAX_BYTES), RequestBodies.MAX_BYTES));
        if (!acquire(permits)) {
            throw new HttpProblem(Status.SERVICE_UNAVAILABLE_503,
                    "too many request bodies are being handled at once; retry shortly");
        }
        try {
            chain.proceed();
        } finally {
            kibibytes.release(permits);
        }
    }

    private boolean acquire(int permits) {
        try {
            return kibibytes.tryAcquire(permits, maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int kib(long bytes) {
        return (int) Math.max(1, (bytes + 1023) / 1024);
    }
}

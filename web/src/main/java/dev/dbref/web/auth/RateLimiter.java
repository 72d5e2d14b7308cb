package dev.dbref.web.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@link RateLimit#requests()} tokens, refilled evenly over the
 * window. Buckets live in a bounded map that forgets a caller idle for two windows, so many
 * distinct callers (a flood from many addresses) cannot grow the memory without end; a caller
 * forgotten that way starts again with a full bucket, which is what it would have by then.
 */
public final class RateLimiter {
    /** How many callers are remembered at most; beyond it the least recent are dropped. */
    static final long MAX_CALLERS = 100_000;

    private final RateLimit limit;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(RateLimit limit) {
        this(limit, System::nanoTime);
    }

    RateLimiter(RateLimit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CALLERS)
                .expireAfterAccess(limit.window().multipliedBy(2)).build();
    }

    /** What one request of {@code caller} was told. */
    public record Decision(boolean admitted, long remaining, Duration untilFull, Duration retryAfter) {
    }

    public Decision take(String caller) {
        Bucket bucket = buckets.get(caller, key -> new Bucket(limit.requests(), nanoTime.getAsLong()));
        return bucket.take(limit, nanoTime.getAsLong());
    }

    RateLimit limit() {
        return limit;
    }

    long remembered() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** Tokens as a fraction, refilled lazily at each request. */
    private static final class Bucket {
        private double tokens;
        private long lastNanos;

        Bucket(long tokens, long nowNanos) {
            this.tokens = tokens;
            this.lastNanos = nowNanos;
        }

        synchronized Decision take(RateLimit limit, long nowNanos) {
            double perNano = (double) limit.requests() / limit.window().toNanos();
            tokens = Math.min(limit.requests(), tokens + (nowNanos - lastNanos) * perNano);
            lastNanos = nowNanos;
            boolean admitted = tokens >= 1;
            if (admitted) {
                tokens -= 1;
            }
            Duration untilFull = Duration.ofNanos((long) ((limit.requests() - tokens) / perNano));
            Duration retryAfter = admitted ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
            return new Decision(admitted, (long) Math.floor(tokens), untilFull, retryAfter);
        }
    }
}

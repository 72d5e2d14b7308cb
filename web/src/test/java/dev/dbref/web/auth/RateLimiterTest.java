package dev.dbref.web.auth;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The buckets on a clock the test moves, and the client address behind trusted proxies. */
class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void the_burst_equals_the_limit_and_tokens_come_back_evenly() {
        RateLimiter limiter = new RateLimiter(RateLimit.parse("3/s"), now::get);
        for (int i = 2; i >= 0; i--) {
            RateLimiter.Decision d = limiter.take("ada");
            assertTrue(d.admitted());
            assertEquals(i, d.remaining());
        }
        RateLimiter.Decision over = limiter.take("ada");
        assertFalse(over.admitted());
        assertTrue(over.retryAfter().compareTo(Duration.ofMillis(334)) <= 0 && !over.retryAfter().isZero(), over.toString());
        assertTrue(limiter.take("bob").admitted(), "each caller has its own bucket");

        now.addAndGet(Duration.ofMillis(340).toNanos());
        assertTrue(limiter.take("ada").admitted(), "a third of a second brings one token back");
        assertFalse(limiter.take("ada").admitted());
    }

    @Test
    void memory_stays_bounded_with_many_distinct_callers() {
        RateLimiter limiter = new RateLimiter(RateLimit.parse("1/min"), now::get);
        for (int i = 0; i < 3 * RateLimiter.MAX_CALLERS; i++) {
            limiter.take("address 10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }
        assertTrue(limiter.remembered() <= RateLimiter.MAX_CALLERS, "remembered " + limiter.remembered());
    }

    @Test
    void the_setting_takes_per_second_or_per_minute_only() {
        assertEquals(new RateLimit(100, Duration.ofSeconds(1)), RateLimit.parse("100/s"));
        assertEquals(new RateLimit(6000, Duration.ofMinutes(1)), RateLimit.parse("6000/min"));
        assertEquals("\"default\";q=6000;w=60", RateLimit.parse("6000/min").policyHeader());
        for (String bad : new String[] {"100", "0/s", "-1/s", "10/h", "ten/s"}) {
            assertThrows(IllegalArgumentException.class, () -> RateLimit.parse(bad), bad);
        }
    }

    @Test
    void x_forwarded_for_counts_only_from_a_trusted_proxy() throws Exception {
        ClientAddress clients = ClientAddress.trusting("10.0.0.0/8, 192.168.1.7");
        InetAddress proxy = InetAddress.getByName("10.1.2.3");
        InetAddress stranger = InetAddress.getByName("203.0.113.9");
        assertEquals("198.51.100.4", clients.of(proxy, Optional.of("1.2.3.4, 198.51.100.4")));
        assertEquals("198.51.100.4", clients.of(proxy, Optional.of("198.51.100.4, 192.168.1.7")), "trusted hops are skipped");
        assertEquals("203.0.113.9", clients.of(stranger, Optional.of("1.2.3.4")), "anyone else's header is ignored");
        assertEquals("10.1.2.3", clients.of(proxy, Optional.of("not-an-address")));
        assertEquals("10.1.2.3", ClientAddress.PEER_ONLY.of(proxy, Optional.of("1.2.3.4")));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting("proxy.example.com"));
    }
}

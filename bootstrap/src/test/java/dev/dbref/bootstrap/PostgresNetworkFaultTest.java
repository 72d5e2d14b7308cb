package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.Connections;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.FaultProxy;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.TlsPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service against a real PostgreSQL through a {@link FaultProxy}, under six clients of GETs
 * and POSTs, with {@code DB_STATEMENT_TIMEOUT=5s} and {@code DB_POOL_TIMEOUT=3s}: every request is
 * answered within 5 + 3 + 2 s whatever the network does (its result, or 503 with Retry-After),
 * readiness answers within 2 s and says DOWN within 5 s of a black hole, liveness stays 200, every
 * request is 2xx again 5 s after the network comes back, no acknowledged write is lost, and the
 * pool is whole afterwards. Each figure the note and the README quote is printed by these tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresNetworkFaultTest {
    private static final Duration BOUND = Duration.ofSeconds(5 + 3 + 2);
    private static final Duration READINESS_BOUND = Duration.ofSeconds(2);
    private static final Duration HEAL_BOUND = Duration.ofSeconds(5);
    private static final int CLIENTS = 6;

    private FaultProxy proxy;
    private Application app;
    private Http http;
    private long productId;

    @BeforeAll
    void start() {
        TlsPostgres server = TlsPostgres.instance();
        Connections database = TestDatabase.POSTGRESQL.fresh();
        proxy = FaultProxy.to("127.0.0.1", server.port());
        // Migrations connect directly; the service's pool goes through the faulty network.
        Map<String, String> env = new HashMap<>(database.servingThrough(server.atPort(database.url(), proxy.port())).env());
        env.putAll(Map.of("PORT", "0", "HOST", "127.0.0.1",
                "DB_STATEMENT_TIMEOUT", "5s", "DB_POOL_TIMEOUT", "3s", "DEBUG_ENDPOINTS", "true", "ADMIN_TOKEN", "tok"));
        app = Application.start(TestServers.settings(env));
        http = new Http(app.port());
        productId = http.post("/products", "{\"name\": \"read under fault\", \"price\": 2}").json().get("id").asLong();
    }

    @AfterAll
    void stop() {
        app.close();
        proxy.close();
    }

    @BeforeEach
    void healthy() {
        Eventually.until("the service is ready", () -> http.get("/observe/health").status() == 200);
    }

    @AfterEach
    void restoreTheNetwork() {
        proxy.delay(Duration.ZERO);
        proxy.resume();
    }

    @Test
    void a_black_hole_bounds_every_request_and_readiness_and_heals() {
        long frozeAt;
        long resumedAt;
        NetworkLoad load = new NetworkLoad(app.port(), CLIENTS, productId);
        try {
            awaitRequests(load, 30, s -> true);
            frozeAt = System.nanoTime();
            proxy.blackHole();
            Eventually.await("readiness says DOWN", Duration.ofSeconds(5), () -> http.get("/observe/health").status() == 503);
            long asked = System.nanoTime();
            JsonNode during = debug();
            assertTrue(Duration.ofNanos(System.nanoTime() - asked).compareTo(BOUND) <= 0, "/debug/connections took too long");
            JsonNode pool = during.get("pool");
            assertTrue(pool.get("total").asInt() <= pool.get("max").asInt() && pool.get("active").asInt() <= pool.get("total").asInt(),
                    "pool figures during the fault: " + pool);
            assertTrue(during.get("database").get("server_connections").isNull(), during.toString());
            assertTrue(during.get("database").has("server_connections_unavailable"), during.toString());
            // The fault lasts longer than the bound, so that requests caught in it show the bound.
            awaitRequests(load, 1, s -> s.startNanos() > frozeAt + BOUND.toNanos() + Duration.ofSeconds(2).toNanos());
            resumedAt = System.nanoTime();
            proxy.resume();
            long healedBy = resumedAt + HEAL_BOUND.toNanos();
            awaitRequests(load, 30, s -> s.startNanos() > healedBy);
        } finally {
            load.close();
        }
        List<NetworkLoad.Sample> started = load.requests().stream().filter(s -> s.startedWithin(frozeAt, resumedAt)).toList();
        report("black hole", load, frozeAt, resumedAt);
        assertEveryRequestBoundedAndAnswered(load);
        assertTrue(started.size() >= 3 * CLIENTS, "clients were stuck: only " + started.size() + " requests started during the fault");
        assertReadiness(load, frozeAt);
        assertHealed(load, resumedAt);
        assertAcknowledgedWritesKept(load);
        assertPoolWhole();
    }

    @Test
    void idle_half_open_connections_are_given_up_within_the_bound() {
        // The pool holds idle connections (validated before use once idle for 500 ms); the network dies under them.
        Eventually.until("idle connections in the pool", () -> debug().get("pool").get("idle").asInt() > 0);
        long frozeAt = System.nanoTime();
        proxy.blackHole();
        long resumedAt;
        NetworkLoad load = new NetworkLoad(app.port(), CLIENTS, productId);
        try {
            awaitRequests(load, 2 * CLIENTS, s -> s.endNanos() > 0);
            awaitRequests(load, 1, s -> s.startNanos() > frozeAt + BOUND.toNanos());
            resumedAt = System.nanoTime();
            proxy.resume();
            long healedBy = resumedAt + HEAL_BOUND.toNanos();
            awaitRequests(load, 30, s -> s.startNanos() > healedBy);
        } finally {
            load.close();
        }
        report("half-open idle", load, frozeAt, resumedAt);
        assertEveryRequestBoundedAndAnswered(load);
        assertReadiness(load, frozeAt);
        assertHealed(load, resumedAt);
        assertAcknowledgedWritesKept(load);
        assertPoolWhole();
    }

    @Test
    void a_reset_in_the_middle_of_transactions_is_answered_within_the_bound_and_heals_at_once() {
        long resetAt;
        NetworkLoad load = new NetworkLoad(app.port(), CLIENTS, productId);
        try {
            awaitRequests(load, 30, s -> true);
            resetAt = System.nanoTime();
            proxy.resetAll();
            awaitRequests(load, 60, s -> s.startNanos() > resetAt + HEAL_BOUND.toNanos());
        } finally {
            load.close();
        }
        report("reset", load, resetAt, resetAt);
        assertEveryRequestBoundedAndAnswered(load);
        assertHealed(load, resetAt);
        assertAcknowledgedWritesKept(load);
        assertPoolWhole();
    }

    @Test
    void a_link_with_200_ms_each_way_is_served() {
        proxy.delay(Duration.ofMillis(200));
        long slowFrom = System.nanoTime();
        NetworkLoad load = new NetworkLoad(app.port(), CLIENTS, productId);
        try {
            awaitRequests(load, 3 * CLIENTS, s -> s.startNanos() > slowFrom);
        } finally {
            load.close();
        }
        report("200 ms each way", load, slowFrom, System.nanoTime());
        assertEveryRequestBoundedAndAnswered(load);
        List<NetworkLoad.Sample> failed = load.requests().stream().filter(s -> s.status() >= 300).toList();
        assertEquals(List.of(), failed, "a slow link is slow, not down");
        assertAcknowledgedWritesKept(load);
    }

    @Test
    void a_post_repeated_with_its_key_after_a_fault_writes_once() {
        String key = "after-fault-" + System.nanoTime();
        String body = "{\"name\": \"" + key + "\", \"price\": 3}";
        proxy.blackHole();
        Http.Reply during = http.postWith("/products", body, "Idempotency-Key", key);
        assertEquals(503, during.status(), during.toString());
        proxy.resume();
        healthy();
        Http.Reply retried = http.postWith("/products", body, "Idempotency-Key", key);
        Http.Reply again = http.postWith("/products", body, "Idempotency-Key", key);
        assertEquals(201, retried.status(), retried.toString());
        assertEquals("true", again.header("Idempotent-Replayed"), again.toString());
        assertEquals(1, http.get("/products?name_contains=" + key + "&total=exact").json().get("total").asInt());
    }

    private static void awaitRequests(NetworkLoad load, int count, Predicate<NetworkLoad.Sample> which) {
        Eventually.await(count + " more requests", Duration.ofSeconds(60),
                () -> load.requests().stream().filter(which).count() >= count);
    }

    private static void assertEveryRequestBoundedAndAnswered(NetworkLoad load) {
        for (NetworkLoad.Sample s : load.requests()) {
            assertTrue(s.took().compareTo(BOUND) <= 0, s.what() + " took " + s.took().toMillis() + " ms: " + s.body());
            assertTrue(s.status() == 200 || s.status() == 201 || s.status() == 503, s.what() + " answered " + s.status() + ": " + s.body());
            if (s.status() == 503) {
                assertTrue(s.retryAfter(), "a 503 without Retry-After: " + s.body());
                assertTrue(s.body().contains("\"detail\""), s.body());
                for (String leak : List.of("Exception", "java.", "org.", "dev.dbref", "\tat ")) {
                    assertTrue(!s.body().contains(leak), "the detail leaks '" + leak + "': " + s.body());
                }
            }
        }
    }

    private static void assertReadiness(NetworkLoad load, long frozeAt) {
        for (NetworkLoad.Sample s : load.readiness()) {
            assertTrue(s.took().compareTo(READINESS_BOUND) <= 0, "readiness took " + s.took().toMillis() + " ms");
        }
        NetworkLoad.Sample firstDown = load.readiness().stream()
                .filter(s -> s.startNanos() > frozeAt && s.status() == 503).findFirst()
                .orElseThrow(() -> new AssertionError("readiness never said DOWN"));
        Duration toDown = Duration.ofNanos(firstDown.endNanos() - frozeAt);
        assertTrue(toDown.compareTo(Duration.ofSeconds(5)) <= 0, "DOWN only after " + toDown.toMillis() + " ms");
        assertTrue(firstDown.body().contains("\"reason\""), firstDown.body());
        assertTrue(load.liveness().stream().allMatch(s -> s.status() == 200), "liveness failed during the fault");
    }

    private static void assertHealed(NetworkLoad load, long resumedAt) {
        long healedBy = resumedAt + HEAL_BOUND.toNanos();
        List<NetworkLoad.Sample> late = load.requests().stream()
                .filter(s -> s.startNanos() > healedBy && s.status() >= 300).toList();
        assertEquals(List.of(), late, "requests still failed 5 s after the network came back");
    }

    private void assertAcknowledgedWritesKept(NetworkLoad load) {
        for (long id : load.acknowledgedWrites()) {
            assertEquals(200, http.get("/products/" + id).status(), "acknowledged product " + id + " is lost");
        }
    }

    /** Nothing borrowed once the load stopped, nothing over the maximum: no leaked or double-returned connection. */
    private void assertPoolWhole() {
        Eventually.until("every connection returned", () -> debug().get("pool").get("active").asInt() == 0);
        JsonNode pool = debug().get("pool");
        assertTrue(pool.get("total").asInt() <= pool.get("max").asInt(), pool.toString());
        assertTrue(pool.get("idle").asInt() <= pool.get("total").asInt(), pool.toString());
        assertEquals(200, http.get("/products/" + productId).status());
    }

    private JsonNode debug() {
        return http.getWith("/debug/connections", "Authorization", "Bearer tok").json();
    }

    /** The figures the README's "network faults" section quotes. */
    private static void report(String fault, NetworkLoad load, long from, long to) {
        long longest = load.requests().stream().mapToLong(s -> s.took().toMillis()).max().orElse(0);
        long readiness = load.readiness().stream().mapToLong(s -> s.took().toMillis()).max().orElse(0);
        long downAfter = load.readiness().stream().filter(s -> s.startNanos() > from && s.status() == 503)
                .mapToLong(s -> (s.endNanos() - from) / 1_000_000).findFirst().orElse(-1);
        long lastFailure = load.requests().stream().filter(s -> s.status() >= 300 && s.startNanos() >= to)
                .mapToLong(s -> (s.startNanos() - to) / 1_000_000).max().orElse(0);
        long during = load.requests().stream().filter(s -> s.startedWithin(from, Math.max(to, from + 1))).count();
        System.out.printf("network fault '%s': %d requests (%d during it, %d answered 503), longest %d ms, "
                        + "readiness at most %d ms, DOWN after %d ms, last failure %d ms after the end, %d writes acknowledged%n",
                fault, load.requests().size(), during, load.requests().stream().filter(s -> s.status() == 503).count(),
                longest, readiness, downAfter, lastFailure, load.acknowledgedWrites().size());
    }
}

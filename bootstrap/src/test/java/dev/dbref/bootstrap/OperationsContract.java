package dev.dbref.bootstrap;

import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.Topology;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.dbref.testkit.Http;
import dev.dbref.domain.port.UnitOfWork;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health, metrics, the guarded debug endpoint, request ids and pool exhaustion, against the
 * real server on each database. The pool is small and its timeout short so exhaustion is quick.
 */
@ParameterizedClass
// Not on the standby topology: exhausting the pool holds the primary's connections, and there the
// reads that should then fail are served by the standby's own pool (PostgresReplicaApiTest covers it).
@EnumSource(value = Topology.class, names = {"SQLITE_FILE", "SQLITE_FILE_WITH_TOKENS", "POSTGRES", "POSTGRES_VIA_PGBOUNCER",
        "POSTGRES_TLS_LEAST_PRIVILEGE"})
class OperationsContract extends ServerContract {
    private static final String TOKEN = "t0ken-for-tests";

    @Override
    Map<String, String> settings() {
        return Map.of("DB_POOL_SIZE", "2", "DB_POOL_TIMEOUT", "700ms",
                "DEBUG_ENDPOINTS", "true", "ADMIN_TOKEN", TOKEN);
    }

    /** The contracts on a topology with bearer tokens do run behind authentication. */
    @Test
    void on_a_topology_with_tokens_a_request_without_one_is_refused() {
        int expected = topology.bearerToken().isPresent() ? 401 : 200;
        assertEquals(expected, new Http(app.port()).get("/products").status());
        assertEquals(200, http.get("/products").status());
    }

    @Test
    void readiness_and_liveness_are_up_with_the_database_check() {
        Http.Reply ready = http.get("/observe/health");
        assertEquals(200, ready.status(), ready.toString());
        assertEquals("UP", ready.json().get("status").asText());
        var check = ready.json().get("checks").get(0);
        assertEquals("database", check.get("name").asText());
        assertEquals(app.database().dialect().displayName(), check.get("data").get("dialect").asText());
        assertTrue(check.get("data").get("latency_ms").asDouble() > 0, "a round trip takes time");

        Http.Reply live = http.get("/observe/health/live");
        assertEquals(200, live.status());
        assertEquals("UP", live.json().get("status").asText());
    }

    /** A load balancer and an orchestrator ask at once: both are told UP, neither a false DOWN. */
    @Test
    void probes_that_arrive_together_are_all_answered_up() throws Exception {
        int probes = 12;
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < probes; i++) {
                replies.add(threads.submit(() -> {
                    go.await();
                    return http.get("/observe/health");
                }));
            }
            go.countDown();
            for (Future<Http.Reply> reply : replies) {
                Http.Reply ready = reply.get(10, TimeUnit.SECONDS);
                assertEquals(200, ready.status(), ready.toString());
            }
        }
        assertEquals(0, app.database().poolStats().active(), "every check returned its connection");
    }

    @Test
    void metrics_use_the_names_the_common_dashboards_query() {
        http.post("/products", "{\"name\": \"m\", \"price\": 1}");
        http.get("/products/1");
        http.get("/products/2");
        http.get("/no/such/route");
        String posted = "(?s).*\\nhttp_server_requests_seconds_count\\{method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/products\"} 1(\\.0)?\\n.*";
        String read = "http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/products/{id}\",le=\"+Inf\"}";
        // A request is counted once its response is sent: the client may read the metrics first.
        Eventually.until("the four requests are counted", () -> {
            String counted = http.get("/observe/metrics").text();
            return counted.matches(posted) && counted.contains(read) && counted.contains("uri=\"NOT_FOUND\"");
        });

        Http.Reply metrics = http.get("/observe/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
        String text = metrics.text();
        assertTrue(text.matches(posted), text);
        assertTrue(text.contains(read), text);
        assertTrue(text.contains("uri=\"NOT_FOUND\""), "an unknown path is one series, not its own");
        for (String name : List.of("http_server_requests_seconds_sum", "hikaricp_connections_active{pool=\"primary\"}",
                "hikaricp_connections_idle{pool=\"primary\"}", "hikaricp_connections_pending{pool=\"primary\"}",
                "hikaricp_connections_max{pool=\"primary\"} 2", "hikaricp_connections_min{pool=\"primary\"}",
                "hikaricp_connections_timeout_total{pool=\"primary\"}", "hikaricp_connections_acquire_seconds_count{pool=\"primary\"}",
                "hikaricp_connections_usage_seconds_count{pool=\"primary\"}", "jvm_memory_used_bytes{", "jvm_threads_live_threads",
                "process_cpu_usage", "process_uptime_seconds", "process_start_time_seconds", "process_files_open_files",
                "db_statements_total", "db_statement_seconds_total")) {
            assertTrue(text.contains("\n" + name), name + " missing");
        }
        assertTrue(text.contains("jvm_gc_pause_seconds") || text.contains("# TYPE jvm_gc_"), "no GC metrics");
        assertTrue(!text.contains("/products/1\""), "raw paths must not become labels");
    }

    @Test
    void made_up_methods_share_one_metrics_label() {
        for (String method : List.of("FOO", "BAR1", "BAR2")) {
            assertEquals(405, http.send(method, "/products", null, null).status());
        }
        String three = "(?s).*http_server_requests_seconds_count\\{method=\"other\",outcome=\"CLIENT_ERROR\",status=\"405\",uri=\"/products\"} 3(\\.0)?\\n.*";
        // Counted once each response is sent: the last one may not be yet when the client asks.
        Eventually.until("the three 405s are counted", () -> http.get("/observe/metrics").text().matches(three));
        String text = http.get("/observe/metrics").text();
        assertTrue(text.matches(three), text);
        assertFalse(text.contains("FOO") || text.contains("BAR1"), "a client's method token became a label");
    }

    @Test
    void every_successful_write_answers_with_a_consistency_token_that_a_read_accepts() {
        Http.Reply created = http.post("/products", "{\"name\": \"t\", \"price\": 1}");
        String token = created.header("Consistency-Token");
        assertTrue(token != null && token.matches("v1\\.[0-9a-f]{16}"), "token: " + token);
        long id = created.json().get("id").asLong();
        for (Http.Reply write : List.of(
                http.patch("/products/" + id, "{\"price\": 2}"),
                http.put("/products/" + id, "{\"name\": \"u\", \"price\": 3}"),
                http.post("/products/bulk", "[{\"name\": \"b\", \"price\": 1}]"),
                http.delete("/products/" + id))) {
            assertNotNull(write.header("Consistency-Token"), write.toString());
        }
        assertEquals(null, http.post("/products", "{\"name\": \"\"}").header("Consistency-Token"), "a failed write names no write");
        assertEquals(null, http.get("/products").header("Consistency-Token"), "a read names no write");

        Http.Reply read = http.getWith("/products?limit=1", "Consistency-Token", token);
        assertEquals(200, read.status(), read.toString());
        for (String malformed : List.of("nonsense", "v1.xyz", "v2.0000000000000001", "")) {
            Http.Reply refused = http.getWith("/products", "Consistency-Token", malformed);
            assertEquals(400, refused.status(), malformed + " -> " + refused);
            assertEquals("application/problem+json", refused.contentType());
        }
    }

    @Test
    void debug_connections_needs_the_admin_token() {
        Http anonymous = new Http(app.port());
        assertEquals(401, anonymous.get("/debug/connections").status());
        Http.Reply wrong = anonymous.send("GET", "/debug/connections", null, null);
        assertEquals(401, wrong.status());
        assertEquals("Bearer realm=\"dbref\"", wrong.header("WWW-Authenticate"), "RFC 6750 §3.1: no error without a token");

        Http.Reply ok = new Http(app.port()).getWith("/debug/connections", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(2, ok.json().get("pool").get("max").asInt());
        assertEquals(app.database().dialect().displayName(), ok.json().get("database").get("dialect").asText());
        assertEquals(topology.database() == TestDatabase.POSTGRESQL, !ok.json().get("database").get("server_connections").isNull());
        assertTrue(!ok.text().contains(TOKEN));
    }

    @Test
    void every_response_has_a_request_id_that_problems_repeat() {
        Http.Reply reply = http.get("/products/abc");
        String id = reply.header("X-Request-Id");
        assertNotNull(id);
        assertEquals(id, reply.json().get("request_id").asText());

        Http.Reply given = TestServers.client(topology, app.port()).getWith("/products/abc", "X-Request-Id", "trace-42");
        assertEquals("trace-42", given.header("X-Request-Id"));
    }

    @Test
    void an_exhausted_pool_gives_fast_503s_with_retry_after_then_recovers() throws Exception {
        UnitOfWork uow = app.database().unitOfWork();
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> holders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                holders.add(threads.submit(() -> uow.read(repos -> {
                    holding.countDown();
                    awaitQuietly(release);
                    return null;
                })));
            }
            try {
                assertTrue(holding.await(10, TimeUnit.SECONDS));

                long start = System.nanoTime();
                Http.Reply waited = http.get("/products");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(503, waited.status(), waited.toString());
                assertEquals("application/problem+json", waited.contentType());
                assertNotNull(waited.header("Retry-After"));
                assertTrue(millis >= 600 && millis < 5_000, "answered after " + millis + " ms");
                assertTrue(http.get("/observe/metrics").text().matches("(?s).*\\nhikaricp_connections_timeout_total\\{pool=\"primary\"} [1-9].*"));
            } finally {
                // Also when an assertion failed: the holders must end, or closing the executor waits for ever.
                release.countDown();
            }
            for (Future<?> holder : holders) {
                holder.get(10, TimeUnit.SECONDS);
            }
        }
        assertEquals(200, http.get("/products").status());
        assertEquals(0, app.database().poolStats().active());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

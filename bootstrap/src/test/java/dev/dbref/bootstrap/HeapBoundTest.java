package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Load cannot exhaust the heap: many concurrent bulk requests with large bodies, against a small
 * heap and the production's exit-on-OutOfMemoryError, each get 201 or 503 and the service lives.
 * Without the body budget this process died of OutOfMemoryError within seconds.
 */
class HeapBoundTest {
    private static final int REQUESTS = 120;

    // Both: the bulk insert builds its rows differently on each (typed arrays, one JSON text).
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrent_large_bodies_get_201_or_503_and_the_service_keeps_serving(TestDatabase database) throws Exception {
        String name = "n".repeat(100);
        String description = "d".repeat(500);
        String body = IntStream.range(0, 1000)
                .mapToObj(i -> "{\"name\": \"" + name + "\", \"description\": \"" + description + "\", \"price\": 1.5}")
                .collect(Collectors.joining(",", "[", "]"));
        Map<String, String> env = new HashMap<>(database.fresh().env());
        env.putAll(Map.of("REQUEST_LOG", "false", "DB_POOL_TIMEOUT", "20s"));
        try (ServiceProcess service = ServiceProcess.start(env,
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
             var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Http http = new Http(service.port());
            List<Future<Integer>> replies = IntStream.range(0, REQUESTS)
                    .mapToObj(i -> clients.submit(() -> statusOf(http, body))).toList();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> reply : replies) {
                statuses.merge(reply.get(), 1, Integer::sum);
            }

            assertTrue(service.process.isAlive(), "the service died:\n" + service.outputText());
            assertTrue(onlyCreatedOrUnavailable(statuses), "statuses " + statuses);
            assertTrue(statuses.getOrDefault(201, 0) > 0, "statuses " + statuses);
            assertEquals(200, http.get("/observe/health").status());
        }
    }

    /** The status, or -1 when the connection broke (as it does when the process dies). */
    private static int statusOf(Http http, String body) {
        try {
            return http.post("/products/bulk", body).status();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    private static boolean onlyCreatedOrUnavailable(Map<Integer, Integer> statuses) {
        return statuses.keySet().stream().allMatch(s -> s == 201 || s == 503);
    }
}

package dev.dbref.bootstrap;

import dev.dbref.testkit.Topology;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import dev.dbref.testkit.Connections;
import org.junit.jupiter.params.provider.EnumSource;
import dev.dbref.testkit.Http;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Idempotency-Key} on the four creating {@code POST}s, against the real server on each
 * database: a repeat gets the first answer and writes nothing, another body gets 422, concurrent
 * repeats write once, another instance on the same database replays too, a claim left behind is
 * released, only successes are kept, and keys expire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass
@EnumSource(Topology.class)
class IdempotencyContract {
    @Parameter
    Topology topology;
    private Connections database;
    private Application app;
    private Http http;

    @BeforeParameterizedClassInvocation
    void start() {
        database = topology.fresh();
        app = start(Map.of());
        http = TestServers.readingItsWrites(topology, app.port());
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.close();
    }

    private Application start(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("DB_STATEMENT_TIMEOUT", "1s", "DB_POOL_TIMEOUT", "1s"));
        env.putAll(more);
        return TestServers.start(database, env);
    }

    private static String key() {
        return "key-" + System.nanoTime();
    }

    @Test
    void a_repeat_gets_the_first_answer_with_its_headers_and_writes_nothing() {
        String key = key();
        Http.Reply first = http.postWith("/products", "{\"name\": \"once\", \"price\": 1.50}", "Idempotency-Key", key);
        Http.Reply again = http.postWith("/products", "{ \"price\": 1.50,\n \"name\": \"once\" }", "Idempotency-Key", key);

        assertEquals(201, first.status(), first.toString());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(201, again.status(), again.toString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.text(), again.text());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertTrue(again.header("Consistency-Token").startsWith("v1."), again.header("Consistency-Token"));
        assertEquals(1, count("once"));
    }

    @Test
    void every_creating_post_takes_a_key() {
        String key = key();
        long user = http.postWith("/users", "{\"email\": \"" + key + "@example.com\", \"username\": \"u" + key.hashCode() + "\"}",
                "Idempotency-Key", key).json().get("id").asLong();
        Http.Reply userAgain = http.postWith("/users", "{\"email\": \"" + key + "@example.com\", \"username\": \"u" + key.hashCode() + "\"}",
                "Idempotency-Key", key);
        assertEquals("true", userAgain.header("Idempotent-Replayed"), userAgain.toString());
        assertEquals(user, userAgain.json().get("id").asLong());

        String postKey = key();
        Http.Reply post = http.postWith("/users/" + user + "/posts", "{\"title\": \"t\"}", "Idempotency-Key", postKey);
        Http.Reply postAgain = http.postWith("/users/" + user + "/posts", "{\"title\": \"t\"}", "Idempotency-Key", postKey);
        assertEquals(201, post.status(), post.toString());
        assertEquals(post.text(), postAgain.text());
        assertEquals("true", postAgain.header("Idempotent-Replayed"));
        assertEquals(1, http.get("/users/" + user + "/posts").json().get("total").asInt());

        String bulkKey = key();
        String items = "[{\"name\": \"bulk-once\", \"price\": 1}, {\"name\": \"bulk-once\", \"price\": 2}]";
        Http.Reply bulk = http.postWith("/products/bulk", items, "Idempotency-Key", bulkKey);
        Http.Reply bulkAgain = http.postWith("/products/bulk", items, "Idempotency-Key", bulkKey);
        assertEquals(201, bulk.status(), bulk.toString());
        assertEquals(bulk.text(), bulkAgain.text());
        assertEquals("true", bulkAgain.header("Idempotent-Replayed"));
        assertEquals(2, count("bulk-once"));
    }

    @Test
    void the_same_key_with_another_body_is_422_and_writes_nothing() {
        String key = key();
        http.postWith("/products", "{\"name\": \"first body\", \"price\": 1}", "Idempotency-Key", key);
        Http.Reply other = http.postWith("/products", "{\"name\": \"second body\", \"price\": 1}", "Idempotency-Key", key);

        assertEquals(422, other.status(), other.toString());
        assertTrue(other.json().get("detail").asText().contains("Idempotency-Key"), other.toString());
        assertEquals(0, count("second body"));
    }

    @Test
    void a_malformed_key_is_400() {
        for (String bad : new String[] {"", "k".repeat(256)}) {
            Http.Reply r = http.postWith("/products", "{\"name\": \"bad key\", \"price\": 1}", "Idempotency-Key", bad);
            assertEquals(400, r.status(), r.toString());
            assertTrue(r.json().get("detail").asText().contains("Idempotency-Key"), r.toString());
        }
        assertEquals(0, count("bad key"));
    }

    @Test
    void only_successes_are_kept_so_a_corrected_request_may_reuse_the_key() {
        String key = key();
        assertEquals(422, http.postWith("/products", "{\"name\": \"\", \"price\": 1}", "Idempotency-Key", key).status());
        Http.Reply fixed = http.postWith("/products", "{\"name\": \"corrected\", \"price\": 1}", "Idempotency-Key", key);
        assertEquals(201, fixed.status(), fixed.toString());
        assertNull(fixed.header("Idempotent-Replayed"));

        String postKey = key();
        assertEquals(404, http.postWith("/users/999999/posts", "{\"title\": \"t\"}", "Idempotency-Key", postKey).status());
        assertEquals(0, keysLike(postKey), "a failed request leaves no claim behind");
    }

    @Test
    void concurrent_repeats_write_once() throws Exception {
        String key = key();
        List<Callable<Http.Reply>> repeats = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            repeats.add(() -> http.postWith("/products", "{\"name\": \"raced\", \"price\": 1}", "Idempotency-Key", key));
        }
        List<Http.Reply> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Http.Reply> f : threads.invokeAll(repeats)) {
                replies.add(f.get());
            }
        }
        assertEquals(1, count("raced"), replies.toString());
        assertTrue(replies.stream().allMatch(r -> r.status() == 201 || r.status() == 409), replies.toString());
        assertEquals(1, replies.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null).count(),
                replies.toString());
        Set<String> bodies = new java.util.HashSet<>();
        replies.stream().filter(r -> r.status() == 201).forEach(r -> bodies.add(r.text()));
        assertEquals(1, bodies.size(), "every 201 is the same answer");
    }

    @Test
    void another_instance_on_the_same_database_replays_too() {
        String key = key();
        Http.Reply first = http.postWith("/products", "{\"name\": \"across\", \"price\": 1}", "Idempotency-Key", key);
        try (Application other = start(Map.of())) {
            Http.Reply again = TestServers.client(topology, other.port()).postWith("/products", "{\"name\": \"across\", \"price\": 1}",
                    "Idempotency-Key", key);
            assertEquals("true", again.header("Idempotent-Replayed"), again.toString());
            assertEquals(first.text(), again.text());
        }
        assertEquals(1, count("across"));
    }

    @Test
    void a_claim_left_behind_by_a_dead_request_is_released() throws Exception {
        String body = "{\"name\": \"left behind\", \"price\": 1}";
        String done = key();
        String left = key();
        assertEquals(201, http.postWith("/products", body, "Idempotency-Key", done).status());
        // The record of a request that claimed its key and died with its instance: claimed, no answer.
        try (Connection c = TestDatabase.connect(database.urlForMigrations()); PreparedStatement s = c.prepareStatement(
                "UPDATE idempotency_keys SET idempotency_key = ?, response_status = NULL, response_body = NULL,"
                        + " response_headers = NULL WHERE idempotency_key = ?")) {
            s.setString(1, left);
            s.setString(2, done);
            assertEquals(1, s.executeUpdate());
        }
        Http.Reply running = http.postWith("/products", body, "Idempotency-Key", left);
        assertEquals(409, running.status(), running.toString());
        assertEquals(1, count("left behind"));
        // Released after DB_STATEMENT_TIMEOUT + DB_POOL_TIMEOUT (1 s + 1 s here): the retry writes.
        Eventually.await("the claim is released", Duration.ofSeconds(10),
                () -> http.postWith("/products", body, "Idempotency-Key", left).status() == 201);
        assertEquals(2, count("left behind"));
    }

    @Test
    void keys_expire_after_the_ttl() {
        try (Application shortLived = start(Map.of("IDEMPOTENCY_TTL", "1s"))) {
            Http client = TestServers.client(topology, shortLived.port());
            String key = key();
            client.postWith("/products", "{\"name\": \"expiring\", \"price\": 1}", "Idempotency-Key", key);
            Eventually.await("the key expires", Duration.ofSeconds(10), () -> client.postWith("/products",
                    "{\"name\": \"expiring\", \"price\": 1}", "Idempotency-Key", key).header("Idempotent-Replayed") == null);
            assertEquals(2, count("expiring"));
        }
    }

    /** Products named {@code name}, counted on the primary: what was written, whichever server serves reads. */
    private long count(String name) {
        return countOnPrimary("SELECT count(*) FROM products WHERE name = ?", name);
    }

    private long keysLike(String key) {
        return countOnPrimary("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", key);
    }

    private long countOnPrimary(String sql, String value) {
        try (Connection c = TestDatabase.connect(database.urlForMigrations()); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

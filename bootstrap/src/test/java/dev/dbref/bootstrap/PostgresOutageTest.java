package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.TlsPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stops while the service runs, then comes back: requests get fast 503s, readiness
 * goes DOWN while liveness stays UP, and the service heals by itself. Uses a server of its own,
 * so that stopping it disturbs no other test; the service connects as production does (the
 * runtime role over verify-full TLS).
 */
class PostgresOutageTest {
    @TempDir
    Path dataDirectory;

    private EmbeddedPostgres server;
    private Application app;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private EmbeddedPostgres startServer(int port) throws IOException {
        return TlsPostgres.instance().configure(EmbeddedPostgres.builder())
                .setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    }

    /** The service as production connects to {@link #server}: the runtime role over verify-full TLS. */
    private Application startService(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(TlsPostgres.instance().leastPrivileged(server).env());
        env.putAll(settings);
        env.putAll(Map.of("PORT", "0", "HOST", "127.0.0.1"));
        return Application.start(TestServers.settings(env));
    }

    @Test
    void an_outage_gives_fast_503s_and_the_service_heals_when_the_database_returns() throws Exception {
        int port = freePort();
        server = startServer(port);
        app = startService(Map.of("DB_POOL_TIMEOUT", "10s"));
        Http http = new Http(app.port());
        long id = http.post("/products", "{\"name\": \"survivor\", \"price\": 1}").json().get("id").asLong();

        server.close();
        server = null;

        long start = System.nanoTime();
        Http.Reply first = http.get("/products/" + id);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, first.status(), first.toString());
        assertTrue(first.header("Retry-After") != null);
        assertTrue(firstMillis < 5_000, "first request during the outage took " + firstMillis + " ms");

        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            assertEquals(503, http.get("/products/" + id).status());
            long millis = (System.nanoTime() - t) / 1_000_000;
            assertTrue(millis < 3_000, "request during the outage took " + millis + " ms");
        }
        Http.Reply readiness = http.get("/observe/health");
        assertEquals(503, readiness.status(), readiness.toString());
        assertEquals("DOWN", readiness.json().get("status").asText());
        assertEquals(200, http.get("/observe/health/live").status());

        server = startServer(port);

        long deadline = System.nanoTime() + 15_000_000_000L;
        int status;
        do {
            Thread.sleep(200);
            status = http.get("/products/" + id).status();
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "the service did not heal after the database came back");
        assertEquals(200, http.get("/observe/health").status());
        assertEquals("survivor", http.get("/products/" + id).json().get("name").asText());
        assertEquals(0, app.database().poolStats().active());
    }

    @Test
    void no_body_sent_during_an_outage_names_a_java_class_or_a_stack_frame() throws Exception {
        int port = freePort();
        server = startServer(port);
        app = startService(Map.of("DB_POOL_TIMEOUT", "2s", "DEBUG_ENDPOINTS", "true", "ADMIN_TOKEN", "tok"));
        Http http = new Http(app.port());
        long id = http.post("/products", "{\"name\": \"kept\", \"price\": 1}").json().get("id").asLong();
        long user = http.post("/users", "{\"email\": \"o@example.com\", \"username\": \"outage\"}").json().get("id").asLong();

        server.close();
        server = null;

        List<Http.Reply> replies = new ArrayList<>();
        // Readiness first: the probe that finds the server gone is the path that once said
        // "SQLTimeoutException: no pooled connection within ...".
        replies.add(http.get("/observe/health"));
        replies.add(http.get("/products/" + id));
        replies.add(http.get("/products?limit=5"));
        replies.add(http.post("/products", "{\"name\": \"lost\", \"price\": 1}"));
        replies.add(http.patch("/products/" + id, "{\"price\": 2}"));
        replies.add(http.delete("/products/" + id));
        replies.add(http.post("/products/bulk", "[{\"name\": \"a\", \"price\": 1}]"));
        replies.add(http.get("/users/" + user + "?include=posts"));
        replies.add(http.post("/users/" + user + "/posts", "{\"title\": \"t\"}"));
        replies.add(http.get("/posts?include=user"));
        replies.add(http.getWith("/debug/connections", "Authorization", "Bearer tok"));
        replies.add(http.get("/observe/health"));
        replies.add(http.get("/observe/metrics"));

        for (Http.Reply reply : replies) {
            for (String forbidden : List.of("Exception", "java.", "org.", "dev.dbref", " at ")) {
                assertFalse(reply.text().contains(forbidden), "'" + forbidden + "' in " + reply);
            }
        }
        Http.Reply health = replies.get(0);
        assertEquals(503, health.status(), health.toString());
        String reason = health.json().get("checks").get(0).get("data").get("reason").asText();
        assertTrue(reason.matches("[a-z][a-z0-9 ,:;()'-]+"), "not plain words: " + reason);
        assertEquals(503, replies.get(1).status(), replies.get(1).toString());
        // The pool's figures answer during an outage; the server's count says why it is missing.
        Http.Reply debug = replies.get(10);
        assertEquals(200, debug.status(), debug.toString());
        assertTrue(debug.json().get("database").get("server_connections").isNull(), debug.toString());
        assertTrue(debug.json().get("database").get("server_connections_unavailable").asText().matches("[a-z][a-z0-9 ,:;()'-]+"),
                debug.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.Tcp;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code SHUTDOWN_DRAIN}: once stopping begins, readiness answers 503 at once while every other
 * request is still served; only after the drain does the server stop accepting.
 */
class ShutdownDrainTest {

    @Test
    void readiness_turns_503_at_once_while_requests_are_still_served_for_the_drain() throws Exception {
        Application app = TestServers.start(TestDatabase.SQLITE, Map.of("SHUTDOWN_DRAIN", "8s"));
        int port = app.port();
        Http http = new Http(port);
        assertEquals(200, http.get("/observe/health").status());
        long start = System.nanoTime();
        Thread stopping = Thread.ofVirtual().start(app::close);

        Eventually.await("readiness turns 503", Duration.ofSeconds(5), () -> http.get("/observe/health").status() == 503);
        Http.Reply health = http.get("/observe/health");
        assertEquals("shutdown", health.json().get("checks").get(0).get("name").asText(), health.toString());
        assertEquals(201, http.post("/products", "{\"name\": \"late\", \"price\": 1}").status(), "served during the drain");
        assertEquals(200, http.get("/observe/health/live").status());

        stopping.join(Duration.ofSeconds(30));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 8_000, "stopped after " + millis + " ms, before the drain ended");
        assertTrue(!Tcp.listening(port), "still accepting after stopping");
    }
}

package dev.dbref.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stops while the service runs, then comes back: requests get fast 503s, readiness
 * goes DOWN while liveness stays UP, and the service heals by itself. Uses a server of its own,
 * so that stopping it disturbs no other test.
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
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void an_outage_gives_fast_503s_and_the_service_heals_when_the_database_returns() throws Exception {
        int port = freePort();
        server = startServer(port);
        app = Application.start(TestServers.settings(Map.of("DATABASE_URL", "postgresql://postgres@localhost:" + port + "/postgres",
                "PORT", "0", "HOST", "127.0.0.1", "DB_POOL_TIMEOUT", "10s")));
        Http http = new Http(app.port());
        long id = http.post("/products", "{\"name\": \"survivor\", \"price\": 1}").json().get("id").asLong();

        server.close();
        server = null;

        long start = System.nanoTime();
        Http.Reply first = http.get("/products/" + id);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, first.status(), first.toString());
        assertTrue(first.header("Retry-After") != null);
        assertTrue(firstMillis < 3_000, "first request during the outage took " + firstMillis + " ms");

        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            assertEquals(503, http.get("/products/" + id).status());
            long millis = (System.nanoTime() - t) / 1_000_000;
            assertTrue(millis < 1_500, "request during the outage took " + millis + " ms");
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

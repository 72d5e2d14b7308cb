package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.PostgresServer;
import dev.dbref.testkit.Tcp;
import dev.dbref.testkit.Eventually;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service as a separate process, as it runs in production: it starts on PostgreSQL with a
 * password in DATABASE_URL, serves with SQL and pool echo on, and on SIGTERM lets an in-flight
 * request finish before the pool closes. Nothing it prints ever contains the password.
 */
class ProcessLifecycleTest {
    private static final String PASSWORD = "Sup3r-s3cret-pw";

    @Test
    void sigterm_finishes_the_in_flight_request_then_closes_the_pool_and_no_output_holds_the_password() throws Exception {
        String url = PostgresServer.INSTANCE.passwordProtectedUrl("lifecycle_user", PASSWORD);
        ServiceProcess service = ServiceProcess.start(Map.of("DATABASE_URL", url, "DB_ECHO", "true", "DB_ECHO_POOL", "true",
                "DB_HIDE_PARAMETERS", "false"));
        Process process = service.process;
        List<String> output = service.output;
        try {
            Http http = new Http(service.port());
            long id = http.post("/products", "{\"name\": \"locked\", \"price\": 1}").json().get("id").asLong();
            assertEquals(422, http.post("/products", "{\"name\": \"\"}").status());
            assertEquals(404, http.get("/products/999999").status());

            CompletableFuture<Http.Reply> inFlight;
            try (Connection blocker = DriverManager.getConnection("jdbc:postgresql://" + url.substring(url.indexOf('@') + 1),
                    "lifecycle_user", PASSWORD); Statement s = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                s.execute("SELECT * FROM products WHERE id = " + id + " FOR UPDATE");
                inFlight = CompletableFuture.supplyAsync(() -> http.patch("/products/" + id, "{\"quantity\": 5}"));
                Eventually.await("the PATCH waits for the row lock", Duration.ofSeconds(30), () -> waitingForALock(s));
                assertFalse(inFlight.isDone(), "the PATCH should be waiting for the row lock");

                // SIGTERM by kill(1): Process.destroy() would also close our end of its output.
                assertEquals(0, new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor());
                int port = service.port();
                Eventually.await("the server stops accepting", Duration.ofSeconds(30), () -> !Tcp.listening(port));
                assertFalse(inFlight.isDone(), "the PATCH is still in flight while the server stops");
                blocker.rollback();
            }

            Http.Reply finished = inFlight.get(20, TimeUnit.SECONDS);
            assertEquals(200, finished.status(), finished.toString());
            assertEquals(5, finished.json().get("quantity").asInt());
            assertTrue(service.waitForExit(20), "the process did not exit after SIGTERM");
            // The JVM reports termination by SIGTERM as 143 (128 + 15), after its shutdown hooks ran.
            assertEquals(143, process.exitValue(), String.join("\n", output));
            assertTrue(output.stream().anyMatch(l -> l.contains("connection pool closed")), String.join("\n", output));
            assertTrue(output.stream().anyMatch(l -> l.contains("dev.dbref.sql")), "SQL echo was on");
            assertTrue(output.stream().anyMatch(l -> l.contains("checkout")), "pool echo was on");
            assertTrue(output.stream().noneMatch(l -> l.contains(PASSWORD)), "the password was printed");
            assertTrue(output.stream().anyMatch(l -> l.matches(".* dev\\.dbref\\.http \\[[0-9a-f]{32}] - PATCH /products/" + id
                    + " 200 .* 1 query")), "request log line with request id and statement count");
        } finally {
            service.close();
        }
    }

    private static boolean waitingForALock(Statement s) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database()")) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

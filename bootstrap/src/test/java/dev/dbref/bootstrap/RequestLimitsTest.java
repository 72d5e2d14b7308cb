package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request limits are set, not Helidon's unlimited defaults. */
class RequestLimitsTest {

    @Test
    void an_idle_keep_alive_connection_is_closed_after_the_idle_timeout() throws Exception {
        try (Application app = TestServers.start(TestDatabase.SQLITE, Map.of("IDLE_CONNECTION_TIMEOUT", "1s"));
             Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /observe/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int read = in.read(buffer);
            assertTrue(new String(buffer, 0, read, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));

            long start = System.nanoTime();
            int next = in.read(buffer);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(-1, next, "the server should have closed the idle connection");
            assertTrue(seconds < 25, "closed after " + seconds + " s");
        }
    }

    @Test
    void requests_beyond_the_concurrency_limit_do_not_run_at_once() throws Exception {
        // The POST waits at the write gate for up to DB_POOL_TIMEOUT: long enough to be seen.
        try (Application app = TestServers.start(TestDatabase.SQLITE, Map.of("MAX_CONCURRENT_REQUESTS", "1",
                "DB_POOL_TIMEOUT", "60s"))) {
            Http http = new Http(app.port()).checkedAgainstItsDocument();
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // Hold SQLite's single writer so the first POST waits inside the server. Virtual threads:
            // the common pool may have a single thread on a small machine.
            var threads = Executors.newVirtualThreadPerTaskExecutor();
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> app.database().unitOfWork().write(r -> {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }), threads);
            assertTrue(writing.await(10, TimeUnit.SECONDS));
            AtomicReference<CompletableFuture<Http.Reply>> first = new AtomicReference<>(CompletableFuture.supplyAsync(
                    () -> http.post("/products", "{\"name\": \"a\", \"price\": 1}"), threads));
            // Until the POST holds the one place, a second request passes; once it does, it must not.
            // A probe that held the place just when the POST arrived made the POST the refused one:
            // then the POST is sent again.
            AtomicReference<Http.Reply> second = new AtomicReference<>();
            Eventually.await("a second request is refused while the POST runs", Duration.ofSeconds(60), () -> {
                CompletableFuture<Http.Reply> post = first.get();
                if (post.isDone() && post.join().status() == 503) {
                    first.set(CompletableFuture.supplyAsync(
                            () -> http.post("/products", "{\"name\": \"a\", \"price\": 1}"), threads));
                    return false;
                }
                second.set(http.get("/observe/health/live"));
                return second.get().status() != 200;
            });

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertEquals(201, first.get().get(10, TimeUnit.SECONDS).status());
            assertEquals(503, second.get().status(), "a second request while one runs, with a limit of one: " + second);
            threads.close();
        }
    }

    @Test
    void bodies_beyond_the_body_budget_wait_then_get_503_and_the_budget_comes_back() throws Exception {
        try (Application app = TestServers.start(TestDatabase.SQLITE,
                Map.of("REQUEST_BODY_BUDGET_MB", "1", "DB_POOL_TIMEOUT", "1s"));
             Socket slow = new Socket("127.0.0.1", app.port())) {
            Http http = new Http(app.port()).checkedAgainstItsDocument();
            // A client that declares a 1 MiB body and sends it slowly holds the whole budget meanwhile.
            OutputStream out = declareOneMibBody(slow);
            // Until the server has admitted the slow body, a small one still passes.
            AtomicReference<Http.Reply> reply = new AtomicReference<>();
            AtomicLong millis = new AtomicLong();
            Eventually.await("a body waits for the budget the slow one holds", Duration.ofSeconds(30), () -> {
                long start = System.nanoTime();
                reply.set(http.post("/products", "{\"name\": \"a\", \"price\": 1}"));
                millis.set((System.nanoTime() - start) / 1_000_000);
                return reply.get().status() != 201;
            });
            Http.Reply waited = reply.get();
            long waitedMillis = millis.get();
            assertEquals(503, waited.status(), waited.toString());
            assertEquals("1", waited.header("Retry-After"));
            assertTrue(waited.text().contains("too many request bodies"), waited.text());
            assertTrue(waitedMillis >= 900, "it waited for the budget first: " + waitedMillis + " ms");
            assertEquals(200, http.get("/products").status(), "requests without a body pass");

            // The slow body arrives (not a valid list: 422 or 400 is all the same here); its budget is returned.
            out.write(" ".repeat(1024 * 1024 - 2).concat("]").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = new byte[12];
            assertEquals(12, slow.getInputStream().readNBytes(answer, 0, 12));
            assertTrue(new String(answer, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 4"));
            assertEquals(201, http.post("/products", "{\"name\": \"a\", \"price\": 1}").status());
        }
    }

    @Test
    void a_body_that_stops_arriving_ends_its_request_and_returns_its_budget() throws Exception {
        try (Application app = TestServers.start(TestDatabase.SQLITE,
                Map.of("REQUEST_BODY_BUDGET_MB", "1", "REQUEST_BODY_TIMEOUT", "1s", "DB_POOL_TIMEOUT", "10s"));
             Socket stalled = new Socket("127.0.0.1", app.port())) {
            // Declares 1 MiB (the whole budget), sends one byte, then nothing.
            declareOneMibBody(stalled);

            long start = System.nanoTime();
            assertEquals(-1, stalled.getInputStream().read(), "the server should close the stalled connection");
            long closedAfterMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(closedAfterMillis < 5_000, "closed after " + closedAfterMillis + " ms");

            // Its budget is back: a body is admitted at once, not after waiting for it.
            long posted = System.nanoTime();
            assertEquals(201, new Http(app.port()).post("/products", "{\"name\": \"a\", \"price\": 1}").status());
            assertTrue((System.nanoTime() - posted) / 1_000_000 < 5_000);
        }
    }

    /** Sends the head of a bulk POST declaring a 1 MiB body and the body's first byte, {@code [}. */
    private static OutputStream declareOneMibBody(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /products/bulk HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (1024 * 1024) + "\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return out;
    }
}

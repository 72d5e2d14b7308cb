package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    @Test
    void sigterm_finishes_the_in_flight_request_then_closes_the_pool_and_no_output_holds_the_password() throws Exception {
        String url = TestDatabase.PostgresServer.INSTANCE.passwordProtectedUrl("lifecycle_user", PASSWORD);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The production logging configuration, not the quieter one of the tests.
        Path logging = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("logging.properties");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.util.logging.config.file=" + logging,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve")
                .redirectErrorStream(true);
        builder.environment().put("DATABASE_URL", url);
        builder.environment().put("PORT", "0");
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("DB_ECHO", "true");
        builder.environment().put("DB_ECHO_POOL", "true");
        builder.environment().put("DB_HIDE_PARAMETERS", "false");
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (Exception e) {
                port.completeExceptionally(e);
            }
        });
        try {
            Http http = new Http(port.get(30, TimeUnit.SECONDS));
            long id = http.post("/products", "{\"name\": \"locked\", \"price\": 1}").json().get("id").asLong();
            assertEquals(422, http.post("/products", "{\"name\": \"\"}").status());
            assertEquals(404, http.get("/products/999999").status());

            CompletableFuture<Http.Reply> inFlight;
            try (Connection blocker = DriverManager.getConnection("jdbc:postgresql://" + url.substring(url.indexOf('@') + 1),
                    "lifecycle_user", PASSWORD); Statement s = blocker.createStatement()) {
                blocker.setAutoCommit(false);
                s.execute("SELECT * FROM products WHERE id = " + id + " FOR UPDATE");
                inFlight = CompletableFuture.supplyAsync(() -> http.patch("/products/" + id, "{\"quantity\": 5}"));
                Thread.sleep(500);
                assertFalse(inFlight.isDone(), "the PATCH should be waiting for the row lock");

                // SIGTERM by kill(1): Process.destroy() would also close our end of its output.
                assertEquals(0, new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor());
                Thread.sleep(500);
                blocker.rollback();
            }

            Http.Reply finished = inFlight.get(20, TimeUnit.SECONDS);
            assertEquals(200, finished.status(), finished.toString());
            assertEquals(5, finished.json().get("quantity").asInt());
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the process did not exit after SIGTERM");
            reader.join(5_000);
            // The JVM reports termination by SIGTERM as 143 (128 + 15), after its shutdown hooks ran.
            assertEquals(143, process.exitValue(), String.join("\n", output));
            assertTrue(output.stream().anyMatch(l -> l.contains("connection pool closed")), String.join("\n", output));
            assertTrue(output.stream().anyMatch(l -> l.contains("dev.dbref.sql")), "SQL echo was on");
            assertTrue(output.stream().anyMatch(l -> l.contains("checkout")), "pool echo was on");
            assertTrue(output.stream().noneMatch(l -> l.contains(PASSWORD)), "the password was printed");
            assertTrue(output.stream().anyMatch(l -> l.matches(".* dev\\.dbref\\.http \\[[0-9a-f]{32}] - PATCH /products/" + id
                    + " 200 .* 1 query")), "request log line with request id and statement count");
        } finally {
            process.destroyForcibly();
        }
    }
}

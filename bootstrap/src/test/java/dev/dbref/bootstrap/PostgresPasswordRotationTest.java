package dev.dbref.bootstrap;

import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.Http;
import dev.dbref.testkit.PostgresServer;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A password that rotates under load, as a mounted secret does: {@code ALTER ROLE ... PASSWORD},
 * then a new {@code DATABASE_PASSWORD_FILE}. No request fails: the open connections keep serving,
 * and every new one logs in with the new password, so that within {@code DB_POOL_RECYCLE} the
 * whole pool is on it. Neither password shows in any answer.
 */
class PostgresPasswordRotationTest {
    private static final String ROLE = "rotating_app";
    /** URL-special characters: a password that leaked through a URL would show. */
    private static final String OLD = "old:p@ss/w%rd&#?";
    private static final String NEW = "n3w:p@ss/w%rd&#?";
    private static final String TOKEN = "admin-t0ken";
    /** HikariCP's shortest lifetime: shorter ones are replaced by its default of 30 minutes. */
    private static final Duration RECYCLE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void a_rotated_password_file_is_picked_up_by_new_connections_while_no_request_fails() throws Exception {
        String withPassword = PostgresServer.INSTANCE.passwordProtectedUrl(ROLE, "initial");
        String database = withPassword.substring(withPassword.lastIndexOf('/') + 1);
        alterPassword(OLD);
        String url = "postgresql://" + ROLE + "@" + PostgresServer.INSTANCE.hostPort() + "/" + database;
        Path secret = dir.resolve("password");
        Files.writeString(secret, OLD + "\n");
        try (Application app = TestServers.start(TestDatabase.SQLITE, Map.of("DATABASE_URL", url,
                "DATABASE_PASSWORD_FILE", secret.toString(), "DB_POOL_RECYCLE", RECYCLE.toSeconds() + "s",
                "DB_POOL_SIZE", "4", "DEBUG_ENDPOINTS", "true", "ADMIN_TOKEN", TOKEN, "REQUEST_LOG", "false"))) {
            Http http = new Http(app.port());
            long id = http.post("/products", "{\"name\": \"rotating\", \"price\": 1}").json().get("id").asLong();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger served = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < 4; c++) {
                    clients.submit(() -> {
                        while (running.get()) {
                            Http.Reply reply = served.get() % 10 == 0
                                    ? http.patch("/products/" + id, "{\"quantity\": " + served.get() + "}")
                                    : http.get("/products/" + id);
                            if (reply.status() != 200) {
                                failures.add(reply.toString());
                            }
                            served.incrementAndGet();
                        }
                    });
                }
                Eventually.until("load flows", () -> served.get() > 200);
                // The operator's order: the server first, then the secret (swapped in at once, as a mount does).
                alterPassword(NEW);
                Path next = Files.writeString(dir.resolve("password.next"), NEW + "\n");
                Files.move(next, secret, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                long rotatedAt = serverNowMicros();
                int before = served.get();
                Eventually.await("every pooled connection logged in after the rotation", RECYCLE.plusSeconds(20),
                        () -> backendsOlderThan(database, rotatedAt) == 0 && backends(database) > 0);
                Eventually.until("load flows after the rotation", () -> served.get() > before + 200);
                running.set(false);
            }
            assertEquals(List.of(), List.copyOf(failures), failures.size() + " of " + served.get() + " requests failed");
            for (String body : List.of(http.getWith("/debug/connections", "Authorization", "Bearer " + TOKEN).text(),
                    http.get("/observe/metrics").text(), http.get("/observe/health").text())) {
                assertFalse(body.contains(OLD) || body.contains(NEW) || body.contains("p@ss"), body);
            }
        }
        SQLException refused = assertThrows(SQLException.class, () -> TestDatabase.connect(
                "postgresql://" + ROLE + ":" + java.net.URLEncoder.encode(OLD, "UTF-8") + "@"
                        + PostgresServer.INSTANCE.hostPort() + "/postgres").close());
        assertEquals("28P01", refused.getSQLState(), "the old password no longer logs in");
    }

    private static void alterPassword(String password) throws SQLException {
        try (Connection c = PostgresServer.INSTANCE.admin(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + ROLE + " PASSWORD '" + password.replace("'", "''") + "'");
        }
    }

    private static long serverNowMicros() throws SQLException {
        return query("SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint");
    }

    private static long backends(String database) {
        return uncheckedQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + ROLE + "' AND datname = '" + database + "'");
    }

    private static long backendsOlderThan(String database, long micros) {
        return uncheckedQuery("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + ROLE + "' AND datname = '"
                + database + "' AND (extract(epoch FROM backend_start) * 1000000)::bigint < " + micros);
    }

    private static long uncheckedQuery(String sql) {
        try {
            return query(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long query(String sql) throws SQLException {
        try (Connection c = PostgresServer.INSTANCE.admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

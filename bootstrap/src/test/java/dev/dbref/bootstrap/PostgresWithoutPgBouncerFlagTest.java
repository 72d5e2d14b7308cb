package dev.dbref.bootstrap;

import dev.dbref.testkit.PgBouncer;
import dev.dbref.testkit.Http;
import dev.dbref.testkit.PostgresServer;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What breaks behind PgBouncer in transaction mode without {@code pgbouncer=true}: the driver
 * prepares a statement on one server connection after a few uses, and the next transaction runs
 * on another that does not have it. The service must say so plainly (a 503 that names the fix),
 * never a 500 or the driver's text.
 */
class PostgresWithoutPgBouncerFlagTest {

    @Test
    void without_the_flag_requests_fail_with_a_plain_503_that_names_pgbouncer_true() throws Exception {
        String direct = TestDatabase.POSTGRESQL.freshUrl();
        PostgresServer server = PostgresServer.INSTANCE;
        try (PgBouncer bouncer = PgBouncer.start(server.hostPort(), server.user(), server.password(), 3);
             Application app = TestServers.start(TestDatabase.SQLITE, Map.of("DATABASE_URL", bouncer.urlOf(direct, ""),
                "MIGRATION_DATABASE_URL", direct, "DB_POOL_SIZE", "8", "REQUEST_LOG", "false"))) {
            Http http = new Http(app.port());
            long id = http.post("/products", "{\"name\": \"p\", \"price\": 1}").json().get("id").asLong();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicReference<Http.Reply> failure = new AtomicReference<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < 8; c++) {
                    clients.submit(() -> {
                        for (int i = 0; i < 150 && failure.get() == null; i++) {
                            Http.Reply reply = http.get("/products/" + id);
                            statuses.merge(reply.status(), 1, Integer::sum);
                            if (reply.status() != 200) {
                                failure.compareAndSet(null, reply);
                            }
                        }
                    });
                }
            }
            assertTrue(failure.get() != null, "nothing broke in " + statuses + " requests: is PgBouncer in transaction mode?");
            Http.Reply broken = failure.get();
            assertEquals(503, broken.status(), broken.toString());
            assertTrue(broken.text().contains("pgbouncer=true"), broken.text());
            assertFalse(broken.text().contains("S_") || broken.text().contains("prepared statement \""), broken.text());
            assertFalse(statuses.containsKey(500), "statuses: " + statuses);
        }
    }
}

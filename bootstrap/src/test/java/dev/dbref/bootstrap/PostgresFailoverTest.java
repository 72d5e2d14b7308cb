package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.Connections;
import dev.dbref.testkit.Standby;
import dev.dbref.testkit.TlsPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failover under load, with synchronous replication: {@code DATABASE_URL} names the primary and
 * its standby; the primary stops and the standby is promoted while clients write and read.
 * Requests in between get 503 with Retry-After (never a 500, never a hang), everything succeeds
 * again within 10 s of the promotion without a restart, and every acknowledged write is on the
 * new primary.
 */
class PostgresFailoverTest {
    @TempDir
    Path primaryData;

    private EmbeddedPostgres primary;
    private Standby standby;
    private Application app;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    /** What the clients saw; a status of -1 counts failures that came without Retry-After. */
    private record Observed(List<Long> acknowledged, Map<Integer, Integer> statuses, AtomicLong slowestMillis,
                            AtomicLong lastFailureNanos) {
        Observed() {
            this(new CopyOnWriteArrayList<>(), new ConcurrentHashMap<>(), new AtomicLong(), new AtomicLong());
        }
    }

    @Test
    void a_promotion_under_load_costs_503s_only_and_loses_no_acknowledged_write() throws Exception {
        TlsPostgres tls = TlsPostgres.instance();
        primary = tls.configure(EmbeddedPostgres.builder()).setDataDirectory(primaryData).setCleanDataDirectory(false).start();
        Connections shop = tls.leastPrivileged(primary);
        standby = tls.standbyOf(primary, "failover_standby");
        try (Connection c = primary.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET synchronous_standby_names = 'failover_standby'");
            s.execute("SELECT pg_reload_conf()");
        }
        // Both hosts in one URL, as the runtime role over verify-full TLS; migrations on the primary.
        Map<String, String> env = new HashMap<>(shop.env());
        env.put("DATABASE_URL", shop.url().replace("@localhost:" + primary.getPort() + "/",
                "@localhost:" + primary.getPort() + ",localhost:" + standby.port() + "/"));
        env.putAll(Map.of("PORT", "0", "HOST", "127.0.0.1", "DB_POOL_TIMEOUT", "5s", "REQUEST_LOG", "false"));
        app = Application.start(TestServers.settings(env));
        Http http = new Http(app.port());

        Observed seen = new Observed();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = List.of(
                Thread.ofVirtual().start(() -> load(http, running, seen, true)),
                Thread.ofVirtual().start(() -> load(http, running, seen, true)),
                Thread.ofVirtual().start(() -> load(http, running, seen, false)));

        Eventually.await("writes are acknowledged", Duration.ofSeconds(30), () -> seen.acknowledged().size() > 20);
        primary.close();
        primary = null;
        Eventually.await("requests fail while there is no primary", Duration.ofSeconds(30),
                () -> seen.statuses().getOrDefault(503, 0) > 0);
        standby.promote();
        long promoted = System.nanoTime();
        Eventually.await("writes succeed on the new primary", Duration.ofSeconds(30), () -> {
            int before = seen.acknowledged().size();
            return Eventually.within(Duration.ofSeconds(2), () -> seen.acknowledged().size() > before + 5);
        });
        long healedAfter = Math.max(0, (seen.lastFailureNanos().get() - promoted) / 1_000_000);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }

        System.out.println("failover: statuses " + seen.statuses() + ", last failure " + healedAfter
                + " ms after the promotion, slowest request " + seen.slowestMillis().get() + " ms, "
                + seen.acknowledged().size() + " writes acknowledged");
        assertTrue(seen.statuses().keySet().stream().allMatch(s -> s == 200 || s == 201 || s == 503),
                "statuses (-1: a failure without Retry-After): " + seen.statuses());
        assertTrue(seen.slowestMillis().get() < 10_000, "a request took " + seen.slowestMillis().get() + " ms");
        assertTrue(healedAfter < 10_000, "the last failure came " + healedAfter + " ms after the promotion");
        for (long id : seen.acknowledged()) {
            assertEquals(200, http.get("/products/" + id).status(), "acknowledged product " + id + " was lost");
        }
    }

    private static void load(Http http, AtomicBoolean running, Observed seen, boolean write) {
        int n = 0;
        while (running.get()) {
            long start = System.nanoTime();
            Http.Reply reply = write
                    ? http.post("/products", "{\"name\": \"f" + (n++) + "\", \"price\": 1}")
                    : http.get("/products?limit=5&total=none");
            seen.slowestMillis().accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            seen.statuses().merge(reply.status(), 1, Integer::sum);
            if (reply.status() == 201) {
                seen.acknowledged().add(reply.json().get("id").asLong());
            } else if (reply.status() >= 500) {
                seen.lastFailureNanos().set(System.nanoTime());
                if (reply.header("Retry-After") == null) {
                    seen.statuses().merge(-1, 1, Integer::sum);
                }
            }
        }
    }
}

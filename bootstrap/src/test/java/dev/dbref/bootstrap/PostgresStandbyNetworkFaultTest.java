package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.Connections;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.FaultProxy;
import dev.dbref.testkit.Standby;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.TlsPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A black hole between the service and its standby ({@code DATABASE_READ_URL} through a
 * {@link FaultProxy}), the primary reached directly: every request is answered within
 * 5 + 3 + 2 s, reads caught on the standby are answered from the primary, the standby is left
 * (readiness stays UP and says why reads go to the primary), and reads return to it once the
 * network is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStandbyNetworkFaultTest {
    private static final Duration BOUND = Duration.ofSeconds(5 + 3 + 2);

    private Standby standby;
    private FaultProxy proxy;
    private Application app;
    private Http http;
    private long productId;

    @BeforeAll
    void start() {
        TlsPostgres server = TlsPostgres.instance();
        standby = server.standby("standby_fault");
        Connections database = TestDatabase.POSTGRESQL.fresh();
        standby.awaitDatabase(database.databaseName());
        proxy = FaultProxy.to("127.0.0.1", standby.port());
        Map<String, String> env = new HashMap<>(database.readingFrom(server.atPort(database.url(), proxy.port())).env());
        env.putAll(Map.of("PORT", "0", "HOST", "127.0.0.1",
                "DB_STATEMENT_TIMEOUT", "5s", "DB_POOL_TIMEOUT", "3s", "DB_REPLICA_MAX_LAG", "30s"));
        app = Application.start(TestServers.settings(env));
        http = new Http(app.port());
        productId = http.post("/products", "{\"name\": \"read from the standby\", \"price\": 2}").json().get("id").asLong();
    }

    @AfterAll
    void stop() {
        app.close();
        proxy.close();
        standby.close();
    }

    @Test
    void a_black_holed_standby_is_left_within_the_bound_and_reads_go_to_the_primary() {
        Eventually.until("the standby serves reads", () -> replica().get("data").get("in_use").asBoolean()
                && http.get("/products/" + productId).status() == 200);
        long frozeAt;
        NetworkLoad load = new NetworkLoad(app.port(), 6, productId);
        try {
            Eventually.until("load runs", () -> load.requests().size() >= 30);
            frozeAt = System.nanoTime();
            proxy.blackHole();
            Eventually.await("the standby is left", Duration.ofSeconds(5),
                    () -> !replica().get("data").get("in_use").asBoolean());
            Eventually.await("requests after the bound", Duration.ofSeconds(60), () -> load.requests().stream()
                    .filter(s -> s.startNanos() > frozeAt + BOUND.toNanos()).count() >= 30);
            assertEquals(200, http.get("/observe/health").status(), "a standby is not needed to be ready");
            assertTrue(replica().get("data").get("reason").asText().contains("reads go to the primary"), replica().toString());
        } finally {
            load.close();
            proxy.resume();
        }
        long longest = load.requests().stream().mapToLong(s -> s.took().toMillis()).max().orElse(0);
        long failed = load.requests().stream().filter(s -> s.status() >= 300).count();
        System.out.printf("network fault 'standby black hole': %d requests, longest %d ms, %d not 2xx%n",
                load.requests().size(), longest, failed);
        for (NetworkLoad.Sample s : load.requests()) {
            assertTrue(s.took().compareTo(BOUND) <= 0, s.what() + " took " + s.took().toMillis() + " ms");
        }
        List<NetworkLoad.Sample> notServed = load.requests().stream().filter(s -> s.status() >= 300).toList();
        assertEquals(List.of(), notServed, "the primary was there to answer every request");
        Eventually.until("reads return to the standby", () -> replica().get("data").get("in_use").asBoolean());
    }

    private JsonNode replica() {
        return http.get("/observe/health").json().get("checks").get(1);
    }
}

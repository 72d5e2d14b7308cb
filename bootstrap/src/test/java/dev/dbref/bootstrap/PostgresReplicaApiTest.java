package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.Connections;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.Standby;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.TlsPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service with {@code DATABASE_READ_URL} on a standby of its own (asynchronous replication):
 * the read pool in {@code /debug/connections}, the {@code replica} readiness check, and a client
 * that sends its write's token back reads that write even while the standby does not replay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresReplicaApiTest {
    private Standby standby;
    private Application app;
    private Http http;

    @BeforeAll
    void start() {
        TlsPostgres server = TlsPostgres.instance();
        standby = server.standby("replica_api");
        Connections database = TestDatabase.POSTGRESQL.fresh();
        standby.awaitDatabase(database.databaseName());
        Map<String, String> env = new HashMap<>(database.readingFrom(server.atPort(database.url(), standby.port())).env());
        env.putAll(Map.of("PORT", "0", "HOST", "127.0.0.1",
                "DB_READ_POOL_SIZE", "3", "DB_REPLICA_MAX_LAG", "30s", "DB_READ_YOUR_WRITES_WAIT", "100ms",
                "DEBUG_ENDPOINTS", "true", "ADMIN_TOKEN", "tok"));
        app = Application.start(TestServers.settings(env));
        http = new Http(app.port());
    }

    @AfterAll
    void stop() {
        app.close();
        standby.close();
    }

    @Test
    void the_read_pool_and_the_replica_check_are_reported() {
        JsonNode debug = http.getWith("/debug/connections", "Authorization", "Bearer tok").json();
        assertEquals(3, debug.get("read_pool").get("max").asInt(), debug.toString());
        assertTrue(debug.get("pool").has("active"));

        Eventually.until("the standby is in use", () -> {
            JsonNode health = http.get("/observe/health").json();
            return health.get("checks").get(1).get("data").get("in_use").asBoolean();
        });
        JsonNode health = http.get("/observe/health").json();
        assertEquals("UP", health.get("status").asText());
        assertEquals("replica", health.get("checks").get(1).get("name").asText());
    }

    @Test
    void a_read_with_the_token_sees_the_write_while_the_standby_does_not_replay() throws Exception {
        Eventually.until("the standby is in use", () ->
                http.get("/observe/health").json().get("checks").get(1).get("data").get("in_use").asBoolean());
        standby.pauseReplay();
        try {
            Http.Reply created = http.post("/products", "{\"name\": \"mine\", \"price\": 1}");
            String token = created.header("Consistency-Token");
            long id = created.json().get("id").asLong();
            assertFalse(token.equals("v1.0000000000000000"), "a write with standbys names its position");

            for (int i = 0; i < 20; i++) {
                Http.Reply read = http.getWith("/products/" + id, "Consistency-Token", token);
                assertEquals(200, read.status(), "read " + i + " with the token: " + read);
            }
        } finally {
            standby.resumeReplay();
        }
    }

    /**
     * A write request runs on the primary whatever it ends up writing: a {@code PATCH {}} changes
     * nothing and only reads, and with the standby's replay paused a read there would not find
     * the row just created (404). A GET without a token shows that the standby does serve reads.
     */
    @Test
    void an_empty_patch_reads_from_the_primary_while_the_standby_does_not_replay() throws Exception {
        Eventually.until("the standby is in use", () ->
                http.get("/observe/health").json().get("checks").get(1).get("data").get("in_use").asBoolean());
        standby.pauseReplay();
        try {
            long product = http.post("/products", "{\"name\": \"unchanged\", \"price\": 1}").json().get("id").asLong();
            long user = http.post("/users", "{\"email\": \"patch@example.com\", \"username\": \"patcher\"}").json().get("id").asLong();
            long post = http.post("/users/" + user + "/posts", "{\"title\": \"kept\"}").json().get("id").asLong();

            assertEquals(404, http.get("/products/" + product).status(), "the paused standby serves a plain read");
            for (String path : new String[] {"/products/" + product, "/users/" + user, "/posts/" + post}) {
                Http.Reply patched = http.patch(path, "{}");
                assertEquals(200, patched.status(), "PATCH {} " + path + ": " + patched);
            }
        } finally {
            standby.resumeReplay();
        }
    }
}

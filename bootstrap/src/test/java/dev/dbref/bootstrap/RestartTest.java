package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What one run of the service writes to a SQLite file, the next run reads. */
class RestartTest {

    @Test
    void data_in_a_sqlite_file_survives_a_restart() {
        String url = TestDatabase.SQLITE.freshUrl();
        long id;
        try (Application first = TestServers.start(TestDatabase.SQLITE, Map.of("DATABASE_URL", url))) {
            id = new Http(first.port()).post("/products", "{\"name\": \"kept\", \"price\": 2.5}").json().get("id").asLong();
        }
        try (Application second = TestServers.start(TestDatabase.SQLITE, Map.of("DATABASE_URL", url))) {
            Http.Reply reply = new Http(second.port()).get("/products/" + id);
            assertEquals(200, reply.status());
            assertEquals("kept", reply.json().get("name").asText());
        }
    }
}

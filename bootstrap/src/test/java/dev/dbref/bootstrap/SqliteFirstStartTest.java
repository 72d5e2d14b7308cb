package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first thing every newcomer does: start the service on a SQLite file that does not exist
 * yet. The pool warms up in the background exactly as in production; migrations must never meet
 * its connections (that race once gave SQLITE_BUSY at start).
 */
class SqliteFirstStartTest {
    private static final int STARTS = 200;
    private static final int MIGRATORS = 4;

    @Test
    void the_service_starts_on_a_new_sqlite_file_every_time() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            try (Application app = TestServers.start(TestDatabase.SQLITE)) {
                Http.Reply created = new Http(app.port()).post("/products", "{\"name\": \"first\", \"price\": 1}");
                if (created.status() != 201) {
                    failures.add("start " + i + ": POST answered " + created);
                }
            } catch (RuntimeException e) {
                failures.add("start " + i + ": " + e);
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + STARTS + " starts failed");
    }

    @Test
    void several_migrate_processes_on_one_new_file_apply_each_migration_once() throws Exception {
        String url = TestDatabase.SQLITE.freshUrl();
        List<ServiceProcess> migrators = new ArrayList<>();
        try {
            for (int i = 0; i < MIGRATORS; i++) {
                migrators.add(ServiceProcess.run(Map.of("DATABASE_URL", url), "migrate"));
            }
            for (ServiceProcess migrator : migrators) {
                assertTrue(migrator.waitForExit(60), "migrate did not finish: " + migrator.outputText());
                assertEquals(0, migrator.process.exitValue(), migrator.outputText());
                assertTrue(migrator.outputText().matches("(?s).*applied \\d+ migration\\(s\\); schema version \\d+.*"),
                        migrator.outputText());
            }
        } finally {
            migrators.forEach(ServiceProcess::close);
        }
        Path file = Path.of(url.substring("sqlite:".length()));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version, count(*), min(success) FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL GROUP BY version")) {
            int versions = 0;
            while (rs.next()) {
                versions++;
                assertEquals(1, rs.getInt(2), "migration " + rs.getString(1) + " recorded more than once");
                assertEquals(1, rs.getInt(3), "migration " + rs.getString(1) + " failed");
            }
            assertTrue(versions > 0, "no migration recorded");
        }
        for (ServiceProcess migrator : migrators) {
            migrator.process.waitFor(1, TimeUnit.SECONDS);
        }
    }
}

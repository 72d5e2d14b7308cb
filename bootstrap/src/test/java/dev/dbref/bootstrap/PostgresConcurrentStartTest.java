package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.Connections;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three instances (separate processes) started at the same moment against one empty PostgreSQL
 * database: Flyway's advisory lock lets one migrate while the others wait; all become ready and
 * each migration is recorded once.
 */
class PostgresConcurrentStartTest {

    @Test
    void three_instances_started_at_once_all_serve_and_each_migration_is_applied_once() throws Exception {
        Connections database = TestDatabase.POSTGRESQL.fresh();
        List<ServiceProcess> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                instances.add(ServiceProcess.start(database.env()));
            }
            for (ServiceProcess instance : instances) {
                Http http = new Http(instance.port());
                assertEquals(200, http.get("/observe/health").status(), instance.outputText());
                assertEquals(201, http.post("/products", "{\"name\": \"x\", \"price\": 1}").status());
            }
        } finally {
            instances.forEach(ServiceProcess::close);
        }
        try (Connection c = TestDatabase.connect(database.urlForMigrations()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, count(*) FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL GROUP BY version ORDER BY version")) {
            int versions = 0;
            while (rs.next()) {
                versions++;
                assertEquals(1, rs.getInt(2), "migration " + rs.getString(1) + " recorded more than once");
            }
            assertTrue(versions >= 3, "migrations recorded: " + versions);
        }
    }
}

package dev.dbref.bootstrap;

import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.Connections;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A migrator that finds another one migrating waits {@code MIGRATION_LOCK_WAIT}, then gives up
 * with one line and exit code 1; once the other is done, it migrates. Here the test process
 * plays the other migrator by holding the lock that a migration holds, and the migrators are
 * separate processes, as instances are.
 */
class MigrationLockWaitTest {
    /**
     * Flyway's PostgreSQL lock key: a constant plus the hash of the quoted history table's name
     * (flyway-database-postgresql's {@code PostgreSQLAdvisoryLockTemplate}). If Flyway changes it, the
     * first assertion below fails: the migrator would not wait.
     */
    private static final long FLYWAY_LOCK = 77431708279161L + "\"public\".\"flyway_schema_history\"".hashCode();
    private static final String GAVE_UP = "gave up after waiting 2s for another migration to finish";

    @Test
    void on_postgresql_migrate_and_serve_give_up_on_the_advisory_lock_and_migrate_once_it_is_free() throws Exception {
        Connections database = TestDatabase.POSTGRESQL.fresh();
        Map<String, String> env = new HashMap<>(database.env());
        env.putAll(Map.of("MIGRATION_LOCK_WAIT", "2s", "DB_APPLICATION_NAME", "dbref/lock-test"));
        try (Connection other = TestDatabase.connect(database.urlForMigrations()); Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + FLYWAY_LOCK + ")");
            ServiceProcess waiting = ServiceProcess.run(env, "migrate");
            // While it waits, the operator can tell whose migration it is.
            Eventually.until("the waiting migrator in pg_stat_activity", () -> {
                try (var rs = other.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'dbref/lock-test/migrate'")) {
                    rs.next();
                    return rs.getInt(1) > 0;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertGivesUp(waiting);
            assertGivesUp(ServiceProcess.start(env));
            s.execute("SELECT pg_advisory_unlock(" + FLYWAY_LOCK + ")");
            assertMigrates(ServiceProcess.run(env, "migrate"));
        }
    }

    @Test
    void on_sqlite_migrate_gives_up_on_the_lock_file_and_migrates_once_it_is_free() throws Exception {
        String url = TestDatabase.SQLITE.freshUrl();
        Path database = Path.of(url.substring("sqlite:".length()));
        Map<String, String> env = Map.of("DATABASE_URL", url, "MIGRATION_LOCK_WAIT", "2s");
        try (FileChannel channel = FileChannel.open(database.resolveSibling(database.getFileName() + "-migrate.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = channel.lock();
            assertGivesUp(ServiceProcess.run(env, "migrate"));
            held.release();
            assertMigrates(ServiceProcess.run(env, "migrate"));
        }
    }

    private static void assertGivesUp(ServiceProcess migrator) throws Exception {
        try (migrator) {
            assertTrue(migrator.waitForExit(60), "still waiting:\n" + migrator.outputText());
            String output = migrator.outputText();
            assertEquals(1, migrator.process.exitValue(), output);
            assertEquals(1, output.lines().filter(line -> line.contains(GAVE_UP)).count(), output);
            assertFalse(output.contains("\tat ") || output.contains("Exception"), output);
        }
    }

    private static void assertMigrates(ServiceProcess migrator) throws Exception {
        try (migrator) {
            assertTrue(migrator.waitForExit(60), "still running:\n" + migrator.outputText());
            assertEquals(0, migrator.process.exitValue(), migrator.outputText());
            assertTrue(migrator.outputText().matches("(?s).*applied [1-9]\\d* migration\\(s\\).*"), migrator.outputText());
        }
    }
}

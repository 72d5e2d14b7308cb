package dev.dbref.persistence;

import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SQLite has no statement timeout of its own: the pool's watchdog interrupts long statements, and forgets finished ones. */
class SqliteWatchdogTest {
    @Test
    void finished_statements_leave_nothing_behind_in_the_watchdog() {
        try (DatabaseFixture db = DatabaseFixture.fresh(TestDatabase.SQLITE)) {
            for (int i = 0; i < 5_000; i++) {
                db.unitOfWork().read(repos -> repos.products().exists(1));
            }
            assertEquals(0, db.database.watchedStatements(), "statements still watched after they finished");
        }
    }
}

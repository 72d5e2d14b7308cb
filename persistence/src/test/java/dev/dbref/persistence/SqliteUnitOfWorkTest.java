package dev.dbref.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteUnitOfWorkTest extends UnitOfWorkContract {
    @Override
    TestDatabase database() {
        return TestDatabase.SQLITE;
    }

    @Test
    void finished_statements_leave_no_watchdog_timer_behind() {
        try (DatabaseFixture db = DatabaseFixture.fresh(TestDatabase.SQLITE)) {
            for (int i = 0; i < 5_000; i++) {
                db.unitOfWork().read(repos -> repos.products().exists(1));
            }
            // Each statement armed a timer due in 30 s; all must be gone, not queued until then.
            assertTrue(StatementWatchdog.armed() < 10, StatementWatchdog.armed() + " timers still queued");
        }
    }
}

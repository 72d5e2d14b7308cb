package dev.dbref.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqliteUnitOfWorkTest extends UnitOfWorkContract {
    @Override
    TestDatabase database() {
        return TestDatabase.SQLITE;
    }

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

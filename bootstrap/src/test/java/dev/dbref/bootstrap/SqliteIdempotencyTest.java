package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

class SqliteIdempotencyTest extends IdempotencyContract {
    @Override
    TestDatabase database() {
        return TestDatabase.SQLITE;
    }
}

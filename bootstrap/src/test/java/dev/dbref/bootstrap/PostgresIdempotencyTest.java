package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

class PostgresIdempotencyTest extends IdempotencyContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}

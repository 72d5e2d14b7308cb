package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

class PostgresUserPostApiTest extends UserPostApiContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}

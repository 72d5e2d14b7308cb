package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

class PostgresProductApiTest extends ProductApiContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}

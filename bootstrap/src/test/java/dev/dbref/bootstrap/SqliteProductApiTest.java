package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

class SqliteProductApiTest extends ProductApiContract {
    @Override
    TestDatabase database() {
        return TestDatabase.SQLITE;
    }
}

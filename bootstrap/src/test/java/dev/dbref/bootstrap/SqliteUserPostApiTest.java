package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

class SqliteUserPostApiTest extends UserPostApiContract {
    @Override
    TestDatabase database() {
        return TestDatabase.SQLITE;
    }
}

package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

class SqliteOperationsTest extends OperationsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.SQLITE;
    }
}

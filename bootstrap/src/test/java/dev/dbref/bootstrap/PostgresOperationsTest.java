package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

class PostgresOperationsTest extends OperationsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}

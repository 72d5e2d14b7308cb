package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

class PostgresCursorPagingTest extends CursorPagingContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}

package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

class SqliteCursorPagingTest extends CursorPagingContract {
    @Override
    TestDatabase database() {
        return TestDatabase.SQLITE;
    }
}

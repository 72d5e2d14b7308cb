package dev.dbref.persistence;

class SqliteUnitOfWorkTest extends UnitOfWorkContract {
    @Override
    TestDatabase database() {
        return TestDatabase.SQLITE;
    }
}

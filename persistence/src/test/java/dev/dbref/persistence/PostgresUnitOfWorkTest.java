package dev.dbref.persistence;

class PostgresUnitOfWorkTest extends UnitOfWorkContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}

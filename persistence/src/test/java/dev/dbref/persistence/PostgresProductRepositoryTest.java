package dev.dbref.persistence;

class PostgresProductRepositoryTest extends ProductRepositoryContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}

package dev.dbref.persistence;

class SqliteProductRepositoryTest extends ProductRepositoryContract {
    @Override
    TestDatabase database() {
        return TestDatabase.SQLITE;
    }
}

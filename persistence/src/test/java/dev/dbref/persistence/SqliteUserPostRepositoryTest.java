package dev.dbref.persistence;

class SqliteUserPostRepositoryTest extends UserPostRepositoryContract {
    @Override
    TestDatabase database() {
        return TestDatabase.SQLITE;
    }
}

package dev.dbref.persistence;

class PostgresUserPostRepositoryTest extends UserPostRepositoryContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}

package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

import java.util.Map;

/** The same contract with reads on a hot standby ({@code DATABASE_READ_URL}). */
class PostgresReplicaCursorPagingTest extends CursorPagingContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Override
    Map<String, String> settings() {
        return Map.of("DATABASE_READ_URL", TestServers.STANDBY_OF_FRESH_DATABASE);
    }
}

package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

import java.util.Map;

/** The same contract through a real PgBouncer in transaction pooling mode ({@code pgbouncer=true}). */
class PostgresViaPgBouncerProductApiTest extends ProductApiContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Override
    Map<String, String> settings() {
        return Map.of("DATABASE_URL", TestServers.PGBOUNCER_TO_FRESH_DATABASE);
    }
}

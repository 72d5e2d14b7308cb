package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

import java.util.HashMap;
import java.util.Map;

/** The operations contract on PostgreSQL through a real PgBouncer in transaction mode. */
class PostgresViaPgBouncerOperationsTest extends OperationsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Override
    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(super.settings());
        settings.put("DATABASE_URL", TestServers.PGBOUNCER_TO_FRESH_DATABASE);
        return settings;
    }
}

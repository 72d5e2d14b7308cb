package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;

import java.util.HashMap;
import java.util.Map;

/** Starts the real service, wired exactly as {@code main} wires it, on a free port and a fresh database. */
final class TestServers {
    private TestServers() {
    }

    static Application start(TestDatabase database) {
        return start(database, Map.of());
    }

    /** In {@code env}: read from the test standby's copy of the fresh database. */
    static final String STANDBY_OF_FRESH_DATABASE = "standby-of-fresh-database";
    /** In {@code env}: reach the fresh database through the test PgBouncer, migrations directly. */
    static final String PGBOUNCER_TO_FRESH_DATABASE = "pgbouncer-to-fresh-database";

    /** @param env settings as environment variables, over the test defaults */
    static Application start(TestDatabase database, Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        String url = database.freshUrl();
        all.put("DATABASE_URL", url);
        all.put("PORT", "0");
        all.put("HOST", "127.0.0.1");
        all.put("DB_POOL_TIMEOUT", "10s");
        all.putAll(env);
        if (PGBOUNCER_TO_FRESH_DATABASE.equals(all.get("DATABASE_URL"))) {
            all.put("DATABASE_URL", PgBouncer.instance().urlOf(url, "?pgbouncer=true"));
            all.put("MIGRATION_DATABASE_URL", url);
        }
        if (STANDBY_OF_FRESH_DATABASE.equals(all.get("DATABASE_READ_URL"))) {
            all.put("DATABASE_READ_URL", TestStandby.readUrlFor(url));
        }
        Application.pinGlobalMappers();
        return Application.start(SettingsLoader.load(all));
    }

    static Settings settings(Map<String, String> env) {
        return SettingsLoader.load(env);
    }
}

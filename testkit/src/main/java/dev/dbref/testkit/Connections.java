package dev.dbref.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the service reaches one test database: its {@code DATABASE_URL}, and where they differ from
 * it the URL reads go to, the URL migrations run on, and the runtime role migrations grant
 * ({@code DB_APP_ROLE}).
 */
public record Connections(String url, Optional<String> readUrl, Optional<String> migrationUrl,
                          Optional<String> runtimeRole) {
    public static Connections direct(String url) {
        return new Connections(url, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Connections readingFrom(String standbyUrl) {
        return new Connections(url, Optional.of(standbyUrl), migrationUrl, runtimeRole);
    }

    /**
     * The same database with the service's pool reaching it at {@code poolUrl} (a proxy in front
     * of it), while migrations keep connecting as before.
     */
    public Connections servingThrough(String poolUrl) {
        return new Connections(poolUrl, readUrl, Optional.of(urlForMigrations()), runtimeRole);
    }

    public Connections migratingThrough(String directUrl) {
        return new Connections(url, readUrl, Optional.of(directUrl), runtimeRole);
    }

    public Connections granting(String role) {
        return new Connections(url, readUrl, migrationUrl, Optional.of(role));
    }

    /** The URL migrations run on: {@link #migrationUrl} when set, else {@link #url}. */
    public String urlForMigrations() {
        return migrationUrl.orElse(url);
    }

    /** The name of the database, from {@link #url}. */
    public String databaseName() {
        return url.replaceAll("^[^/]*//[^/]*/([^/?]+).*$", "$1");
    }

    /** The service's settings for this database, as environment variables. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", url);
        readUrl.ifPresent(read -> env.put("DATABASE_READ_URL", read));
        migrationUrl.ifPresent(migrations -> env.put("MIGRATION_DATABASE_URL", migrations));
        runtimeRole.ifPresent(role -> env.put("DB_APP_ROLE", role));
        return env;
    }
}

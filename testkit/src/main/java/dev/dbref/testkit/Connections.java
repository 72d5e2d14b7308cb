package dev.dbref.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the service reaches one test database: its {@code DATABASE_URL}, and where they differ from
 * it the URL reads go to and the URL migrations run on.
 */
public record Connections(String url, Optional<String> readUrl, Optional<String> migrationUrl) {
    public static Connections direct(String url) {
        return new Connections(url, Optional.empty(), Optional.empty());
    }

    public Connections readingFrom(String standbyUrl) {
        return new Connections(url, Optional.of(standbyUrl), migrationUrl);
    }

    public Connections migratingThrough(String directUrl) {
        return new Connections(url, readUrl, Optional.of(directUrl));
    }

    /** The URL migrations run on: {@link #migrationUrl} when set, else {@link #url}. */
    public String urlForMigrations() {
        return migrationUrl.orElse(url);
    }

    /** The service's settings for this database, as environment variables. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", url);
        readUrl.ifPresent(read -> env.put("DATABASE_READ_URL", read));
        migrationUrl.ifPresent(migrations -> env.put("MIGRATION_DATABASE_URL", migrations));
        return env;
    }
}

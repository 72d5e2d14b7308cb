package dev.dbref.persistence.migration;

import dev.dbref.persistence.connection.DatabaseUrl;
import java.time.Duration;
import java.util.Optional;

/**
 * With {@code MIGRATE_ON_START=false}, whether the database's schema is behind this build: such an
 * instance reports not ready, and why, until a {@code migrate} job has run. Flyway is asked at
 * most every few seconds, on a connection of its own.
 */
public final class SchemaCheck {
    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final DatabaseUrl url;
    private volatile long checkedNanos;
    private volatile Optional<String> behind = Optional.empty();

    public SchemaCheck(DatabaseUrl url) {
        this.url = url;
        this.checkedNanos = System.nanoTime() - RECHECK.toNanos() - 1;
    }

    /** Why the schema is not ready for this build; empty when it is current. */
    public Optional<String> behind() {
        if (System.nanoTime() - checkedNanos > RECHECK.toNanos()) {
            checkedNanos = System.nanoTime();
            int pending = Migrations.pending(url);
            behind = pending == 0 ? Optional.empty() : Optional.of("the schema is behind this build: " + pending
                    + " migration(s) pending; run 'migrate' (MIGRATE_ON_START is false)");
        }
        return behind;
    }
}

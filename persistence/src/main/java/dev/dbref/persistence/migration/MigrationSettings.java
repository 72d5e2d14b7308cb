package dev.dbref.persistence.migration;

import dev.dbref.persistence.connection.ApplicationName;
import dev.dbref.persistence.connection.DatabaseUrl;
import java.time.Duration;

/**
 * Where and how patiently migrations run.
 *
 * @param url      a direct connection ({@code MIGRATION_DATABASE_URL}), never through a transaction pooler
 * @param lockWait how long a migrator waits while another one migrates before it gives up with one
 *                 line ({@code MIGRATION_LOCK_WAIT}); counted in whole seconds, as Flyway retries its
 *                 lock once a second
 * @param name     this instance's {@code application_name}; Flyway's connections add {@code /migrate}
 */
public record MigrationSettings(DatabaseUrl url, Duration lockWait, ApplicationName name) {
    /** The service's default ({@code migration-lock-wait} in application.yaml), for callers without settings. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(2);

    public MigrationSettings {
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("MIGRATION_LOCK_WAIT must not be negative, was " + lockWait);
        }
    }

    public static MigrationSettings at(DatabaseUrl url) {
        return new MigrationSettings(url, DEFAULT_LOCK_WAIT, ApplicationName.ofThisProcess());
    }

    /** The wait rounded up to whole seconds: what the lock is retried for. */
    int lockWaitSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, lockWait.plusNanos(999_999_999).toSeconds());
    }
}

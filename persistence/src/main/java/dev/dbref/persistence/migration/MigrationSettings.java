package dev.dbref.persistence.migration;

import dev.dbref.persistence.connection.ApplicationName;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.Dialect;

import java.time.Duration;
import java.util.Optional;

/**
 * Where and how patiently migrations run.
 *
 * @param url      a direct connection ({@code MIGRATION_DATABASE_URL}), never through a transaction pooler
 * @param lockWait how long a migrator waits while another one migrates before it gives up with one
 *                 line ({@code MIGRATION_LOCK_WAIT}); counted in whole seconds, as Flyway retries its
 *                 lock once a second
 * @param name     this instance's {@code application_name}; Flyway's connections add {@code /migrate}
 * @param grantee  the role the service runs as ({@code DB_APP_ROLE}), granted its rights after every
 *                 migration; none grants nothing, and the service runs as the role that migrates
 */
public record MigrationSettings(DatabaseUrl url, Duration lockWait, ApplicationName name, Optional<RuntimeRole> grantee) {
    /** The service's default ({@code migration-lock-wait} in application.yaml), for callers without settings. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(2);

    public MigrationSettings {
        if (lockWait.isNegative()) {
            throw new IllegalArgumentException("MIGRATION_LOCK_WAIT must not be negative, was " + lockWait);
        }
        if (grantee.isPresent() && url.dialect() == Dialect.SQLITE) {
            throw new IllegalArgumentException("DB_APP_ROLE is for PostgreSQL; SQLite has no roles (its file is owner-only)");
        }
    }

    public static MigrationSettings at(DatabaseUrl url) {
        return new MigrationSettings(url, DEFAULT_LOCK_WAIT, ApplicationName.ofThisProcess(), Optional.empty());
    }

    /** These settings, granting {@code role} the service's rights after migrating. */
    public MigrationSettings grantingTo(RuntimeRole role) {
        return new MigrationSettings(url, lockWait, name, Optional.of(role));
    }

    /** The wait rounded up to whole seconds: what the lock is retried for. */
    int lockWaitSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, lockWait.plusNanos(999_999_999).toSeconds());
    }
}

package dev.dbref.bootstrap;

import dev.dbref.domain.usecase.SafeRetries;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.routing.ReplicaSettings;
import dev.dbref.persistence.diagnostics.SqlEcho;

import java.time.Duration;
import java.util.Optional;

/**
 * Every setting of the service, read once at start by {@link SettingsLoader}. The admin token is a
 * secret and never printed; the database URL may hold a password and is only logged redacted.
 *
 * @param migrationDatabaseUrl where migrations run ({@code MIGRATION_DATABASE_URL}; the database URL when not set),
 *                             a direct connection where the service goes through a transaction pooler
 */
record Settings(String databaseUrl, String migrationDatabaseUrl, String host, int port,
                PoolSettings pool, SqlEcho sqlEcho, boolean echoPool,
                boolean migrateOnStart, boolean debugEndpoints, String adminToken,
                int maxConcurrentRequests, Duration idleConnectionTimeout, Duration shutdownGrace,
                boolean requestLog, long bodyBudgetBytes, Duration bodyTimeout, String cursorSecret,
                Optional<ReplicaSettings> replicas, Duration shutdownDrain, Duration migrationLockWait,
                Duration idempotencyTtl) {

    /** Where migrations run and how long one waits for another ({@code MIGRATION_LOCK_WAIT}). */
    MigrationSettings migration() {
        return new MigrationSettings(DatabaseUrl.parse(migrationDatabaseUrl), migrationLockWait);
    }

    /**
     * How {@code Idempotency-Key}s are kept: a claim without an answer is abandoned once no request
     * could still be running for it (the statement timeout plus the pool timeout).
     */
    SafeRetries.Settings safeRetries() {
        return new SafeRetries.Settings(pool.statementTimeout().plus(pool.timeout()), idempotencyTtl);
    }

    @Override
    public String toString() {
        return "Settings[port=" + port + ", pool=" + pool + ", migrateOnStart=" + migrateOnStart
                + ", debugEndpoints=" + debugEndpoints + "]";
    }
}

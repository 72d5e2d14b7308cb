package dev.dbref.bootstrap;

import dev.dbref.domain.usecase.SafeRetries;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.diagnostics.SqlEcho;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.persistence.migration.RuntimeRole;
import dev.dbref.persistence.routing.ReplicaSettings;
import dev.dbref.web.Api;

import java.time.Duration;
import java.util.Optional;

/**
 * Every setting of the service, read once at start by {@link SettingsLoader}, in one record per
 * part it configures. The admin token is a secret and never printed; the database URL may hold a
 * password and is only logged redacted.
 *
 * @param idempotencyTtl how long an {@code Idempotency-Key} and its answer are kept ({@code IDEMPOTENCY_TTL})
 */
record Settings(DatabaseSettings database, ServerSettings server, Api.Options api, Logging logging,
                Duration idempotencyTtl) {

    /**
     * @param url          {@code DATABASE_URL}, with {@code DATABASE_PASSWORD[_FILE]} where it has no password
     * @param migrationUrl where migrations run ({@code MIGRATION_DATABASE_URL}; the database URL when not set),
     *                     a direct connection where the service goes through a transaction pooler
     * @param replicas     {@code DATABASE_READ_URL} and its pool; empty: the primary serves every read
     */
    record DatabaseSettings(DatabaseUrl url, DatabaseUrl migrationUrl, PoolSettings pool, Optional<ReplicaSettings> replicas,
                            Migrating migrating) {
    }

    /** {@code MIGRATE_ON_START}, {@code MIGRATION_LOCK_WAIT}, and {@code DB_APP_ROLE}, which every migration grants the service's rights. */
    record Migrating(boolean onStart, Duration lockWait, Optional<RuntimeRole> grantee) {
    }

    /** The HTTP server: where it listens, how much it takes at once, how it stops. */
    record ServerSettings(String host, int port, int maxConcurrentRequests, Duration idleConnectionTimeout,
                          Shutdown shutdown) {
    }

    /** {@code SHUTDOWN_GRACE} for in-flight requests, after {@code SHUTDOWN_DRAIN} with readiness 503. */
    record Shutdown(Duration grace, Duration drain) {
    }

    /** {@code DB_ECHO*}, {@code DB_SLOW_STATEMENT} and {@code DB_ECHO_POOL}; {@code REQUEST_LOG} is the web adapter's ({@link Api.Options}). */
    record Logging(SqlEcho sqlEcho, boolean echoPool) {
    }

    PoolSettings pool() {
        return database.pool();
    }

    /** Where migrations run and how long one waits for another ({@code MIGRATION_LOCK_WAIT}). */
    MigrationSettings migration() {
        return new MigrationSettings(database.migrationUrl(), database.migrating().lockWait(),
                pool().name(), database.migrating().grantee());
    }

    /**
     * How {@code Idempotency-Key}s are kept: a claim without an answer is abandoned once no request
     * could still be running for it (the statement timeout plus the pool timeout).
     */
    SafeRetries.Settings safeRetries() {
        return new SafeRetries.Settings(pool().statementTimeout().plus(pool().timeout()), idempotencyTtl);
    }

    @Override
    public String toString() {
        return "Settings[port=" + server.port() + ", pool=" + pool() + ", migrateOnStart=" + database.migrating().onStart()
                + ", debugEndpoints=" + api.debug().enabled() + "]";
    }
}

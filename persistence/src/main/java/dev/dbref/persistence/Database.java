package dev.dbref.persistence;

import dev.dbref.persistence.connection.ConnectionFailures;
import dev.dbref.persistence.connection.ConnectionPool;
import dev.dbref.persistence.connection.DatabaseUnreachableException;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.Dialect;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.connection.PoolStats;
import dev.dbref.persistence.connection.PoolTelemetry;
import dev.dbref.persistence.connection.ServerCheck;
import dev.dbref.persistence.connection.SqliteFile;
import dev.dbref.persistence.diagnostics.Diagnostics;
import dev.dbref.persistence.diagnostics.Readiness;
import dev.dbref.persistence.diagnostics.SqlEcho;
import dev.dbref.persistence.diagnostics.StatementListener;
import dev.dbref.persistence.diagnostics.StatementObserver;
import dev.dbref.persistence.migration.MigrationReport;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.persistence.migration.Migrations;
import dev.dbref.persistence.migration.SchemaCheck;
import dev.dbref.persistence.repository.StatementHook;
import dev.dbref.persistence.repository.StatementHooks;
import dev.dbref.persistence.routing.ReadYourWrites;
import dev.dbref.persistence.routing.ReplicaSettings;
import dev.dbref.persistence.routing.Replicas;
import dev.dbref.persistence.routing.RequestScope;
import dev.dbref.persistence.routing.RoutingUnitOfWork;
import dev.dbref.persistence.routing.StandbyReads;
import dev.dbref.persistence.unitofwork.Availability;
import dev.dbref.persistence.unitofwork.PoolEcho;
import dev.dbref.persistence.unitofwork.PooledConnections;
import dev.dbref.persistence.unitofwork.PooledUnitOfWork;
import dev.dbref.persistence.unitofwork.ReadOnlyGuard;
import dev.dbref.persistence.unitofwork.RepositoryBinding;
import dev.dbref.persistence.unitofwork.StatementWatchdog;
import dev.dbref.persistence.unitofwork.WriteGate;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.dbref.domain.port.UnitOfWork;
import org.jooq.Configuration;
import org.jooq.conf.FetchTriggerValuesAfterReturning;
import org.jooq.conf.Settings;
import org.jooq.impl.DefaultConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The persistence adapter's entry point: owns the one pool of the process and hands out the
 * {@link UnitOfWork}. Opening it brings the schema up to date first, when asked, before any
 * pooled connection exists. Close it once, at shutdown. Operator questions (readiness, figures)
 * are {@link Diagnostics}'.
 */
public final class Database implements AutoCloseable {
    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private final PoolTelemetry telemetry;
    private final StatementObserver statements;
    private final UnitOfWork unitOfWork;
    private final Availability availability;
    private final Optional<StatementWatchdog> watchdog;
    private final Optional<MigrationReport> migration;
    private final Optional<Replicas> replicas;
    private final Diagnostics diagnostics;

    private Database(DatabaseUrl url, PoolSettings settings, Options options, Optional<MigrationReport> migratedBefore) {
        this.url = url;
        Observation observation = options.observation();
        this.telemetry = observation.poolTelemetry();
        this.pool = ConnectionPool.create(url, settings, telemetry);
        this.statements = new StatementObserver(observation.listener(), observation.echo());
        Settings jooqSettings = new Settings()
                .withExecuteLogging(false)
                .withRenderSchema(false)
                // Native INSERT .. RETURNING on SQLite too (we use no triggers): one
                // statement that returns every inserted row, not a last_insert_rowid() query.
                .withFetchTriggerValuesAfterReturning(FetchTriggerValuesAfterReturning.NEVER);
        // The guard first: a statement it refuses is neither watched nor counted.
        List<StatementHook> hooks = new ArrayList<>(List.of(new ReadOnlyGuard(), statements));
        if (url.dialect() == Dialect.SQLITE) {
            // No JDBC query timeout on SQLite: sqlite-jdbc would swap the connection's busy timeout
            // for it around every statement (two extra native calls), and it bounds lock waits only.
            // The watchdog bounds the statement itself.
            this.watchdog = Optional.of(new StatementWatchdog(settings.statementTimeout()));
            hooks.add(watchdog.get());
        } else {
            this.watchdog = Optional.empty();
            jooqSettings.setQueryTimeout((int) Math.max(1, settings.statementTimeout().toSeconds()));
        }
        Configuration jooq = new StatementHooks(hooks).installIn(new DefaultConfiguration()
                .set(url.dialect().jooq())
                .set(jooqSettings));
        WriteGate gate = url.dialect() == Dialect.SQLITE
                ? WriteGate.oneWriter(settings.timeout(), telemetry::recordWriteGateTimeout)
                : WriteGate.open();
        PoolEcho echo = observation.echoPool() ? new PoolEcho(true, this::poolStats) : PoolEcho.OFF;
        this.availability = url.dialect() == Dialect.SQLITE
                ? Availability.alwaysReachable()
                : new Availability(() -> ServerCheck.whyUnreachable(url), this::evictPooledConnections);
        this.replicas = options.replicas().map(r -> {
            PoolTelemetry readTelemetry = observation.poolTelemetry();
            PoolSettings readSettings = r.poolSize().map(settings::withMaxSize).orElse(settings);
            return new Replicas(ConnectionPool.create(r.url(), readSettings, readTelemetry, ConnectionPool.Role.REPLICA),
                    readTelemetry, pool, r.maxLag(), r.readYourWritesWait());
        });
        RepositoryBinding repositories = new RepositoryBinding(jooq);
        ReadYourWrites readYourWrites = replicas.isPresent()
                ? ReadYourWrites.overStandbys(options.requests())
                : ReadYourWrites.withoutStandbys(options.requests());
        UnitOfWork onPrimary = new PooledUnitOfWork(new PooledConnections(pool, availability, echo, telemetry), url.dialect(),
                repositories, gate, readYourWrites);
        this.unitOfWork = replicas
                .<UnitOfWork>map(r -> new RoutingUnitOfWork(onPrimary, new StandbyReads(r, repositories, echo),
                        options.requests()))
                .orElse(onPrimary);
        Optional<SchemaCheck> schemaCheck = options.migrateFirst().isEmpty() && !url.inMemory()
                ? Optional.of(new SchemaCheck(url)) : Optional.empty();
        this.diagnostics = new Diagnostics(new Readiness(pool, url.dialect(), availability, schemaCheck, settings.timeout()),
                pool, this::poolStats, statements::totals, replicas);
        // An in-memory database lives in its pool's one connection, so it is migrated through that.
        this.migration = url.inMemory() && options.migrateFirst().isPresent()
                ? Optional.of(guarded(() -> Migrations.apply(pool, url.dialect())))
                : migratedBefore;
    }

    /**
     * What the adapter does at start, and whom it serves.
     *
     * @param observation  what it reports and logs besides its data
     * @param migrateFirst apply pending migrations this way before the pool opens; empty: leave the schema as it is
     * @param replicas     hot standbys for reads, in a second pool; empty: the primary serves every read
     * @param requests     what the request being served declared (reads or writes, its consistency token):
     *                     routing to a standby is decided from it
     */
    public record Options(Observation observation, Optional<MigrationSettings> migrateFirst,
                          Optional<ReplicaSettings> replicas, RequestScope requests) {
        public static final Options DEFAULTS = new Options(Observation.NONE, Optional.empty(), Optional.empty(),
                RequestScope.NONE);

        public Options migratingFirst(MigrationSettings migration) {
            return new Options(observation, Optional.of(migration), replicas, requests);
        }

        /** Reads may go to these standbys; writes never do. */
        public Options readingFrom(ReplicaSettings standbys) {
            return new Options(observation, migrateFirst, Optional.of(standbys), requests);
        }

        public Options observedBy(Observation observing) {
            return new Options(observing, migrateFirst, replicas, requests);
        }

        public Options serving(RequestScope scope) {
            return new Options(observation, migrateFirst, replicas, scope);
        }
    }

    /**
     * What the adapter reports and logs besides its data.
     *
     * @param listener    told of every statement, on the thread that ran it
     * @param echo        statement logging
     * @param echoPool    log checkouts and checkins ({@code DB_ECHO_POOL})
     * @param poolMetrics where each pool reports what HikariCP measures, under HikariCP's own
     *                    {@code hikaricp_*} names, labelled by pool name; empty: nowhere
     */
    public record Observation(StatementListener listener, SqlEcho echo, boolean echoPool,
                              Optional<MeterRegistry> poolMetrics) {
        public static final Observation NONE = new Observation(StatementListener.NONE, SqlEcho.DEFAULTS, false,
                Optional.empty());

        PoolTelemetry poolTelemetry() {
            return new PoolTelemetry(poolMetrics
                    .<MetricsTrackerFactory>map(MicrometerMetricsTrackerFactory::new)
                    .orElse(PoolTelemetry.NOT_EXPORTED));
        }
    }

    /** Creates the pool; connects lazily, so this succeeds even while the database is down. */
    public static Database open(DatabaseUrl url, PoolSettings settings) {
        return open(url, settings, Options.DEFAULTS);
    }

    /**
     * Migrates first when {@code options} say so, then creates the pool. In that order because the
     * pool opens its connections in the background at once: on a new SQLite file they switched it
     * to WAL while the migration wrote the schema, and the migration failed with SQLITE_BUSY.
     */
    public static Database open(DatabaseUrl url, PoolSettings settings, Options options) {
        SqliteFile.prepare(url);
        Optional<MigrationReport> migrated = url.inMemory()
                ? Optional.empty()
                : options.migrateFirst().map(Database::migrate);
        return new Database(url, settings, options, migrated);
    }

    /**
     * Applies pending migrations on Flyway's own connections to {@code url}, not a pool's: Flyway
     * holds two at once, which would deadlock a pool of one, and a migration may need a direct
     * connection where the pool goes through a transaction pooler.
     *
     * @throws DatabaseUnreachableException with one clear line
     */
    public static MigrationReport migrate(MigrationSettings migration) {
        SqliteFile.prepare(migration.url());
        return guarded(() -> Migrations.apply(migration));
    }

    private static MigrationReport guarded(java.util.function.Supplier<MigrationReport> migration) {
        try {
            return migration.get();
        } catch (RuntimeException e) {
            throw new DatabaseUnreachableException("migration failed: " + ConnectionFailures.describe(e), e);
        }
    }

    public Dialect dialect() {
        return url.dialect();
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** What the migration at opening did; empty when none was asked for. */
    public Optional<MigrationReport> migration() {
        return migration;
    }

    /** Readiness and the figures operators ask for. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public PoolStats poolStats() {
        return PoolTelemetry.statsOf(pool, telemetry);
    }


    /** Retires every pooled connection; in-use ones go when returned (and the standbys' pool keeps its own). */
    private void evictPooledConnections() {
        if (pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /** The pool itself, for tests in this package that inspect connections directly. */
    HikariDataSource pool() {
        return pool;
    }

    /** Safe to log. */
    public String describe() {
        return url.toString();
    }

    @Override
    public void close() {
        replicas.ifPresent(Replicas::close);
        pool.close();
        watchdog.ifPresent(StatementWatchdog::close);
    }

    /** SQLite statements the watchdog sees running (0 on PostgreSQL), for tests. */
    int watchedStatements() {
        return watchdog.map(StatementWatchdog::running).orElse(0);
    }
}

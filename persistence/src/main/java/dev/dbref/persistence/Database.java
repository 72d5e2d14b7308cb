package dev.dbref.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import dev.dbref.domain.port.UnitOfWork;
import org.jooq.Configuration;
import org.jooq.ExecuteListener;
import org.jooq.conf.FetchTriggerValuesAfterReturning;
import org.jooq.conf.Settings;
import org.jooq.impl.DefaultConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final ReadYourWrites readYourWrites = new ReadYourWrites();
    private final Optional<SchemaCheck> schemaCheck;

    private Database(DatabaseUrl url, PoolSettings settings, Options options, Optional<MigrationReport> migratedBefore) {
        this.url = url;
        this.schemaCheck = options.migrateFirst().isEmpty() && !url.inMemory()
                ? Optional.of(new SchemaCheck(url)) : Optional.empty();
        this.telemetry = new PoolTelemetry(new MicrometerMetricsTrackerFactory(options.poolMetrics()));
        this.pool = ConnectionPool.create(url, settings, telemetry);
        this.statements = new StatementObserver(options.listener(), options.echo());
        Settings jooqSettings = new Settings()
                .withExecuteLogging(false)
                .withRenderSchema(false)
                // Native INSERT .. RETURNING on SQLite too (we use no triggers): one
                // statement that returns every inserted row, not a last_insert_rowid() query.
                .withFetchTriggerValuesAfterReturning(FetchTriggerValuesAfterReturning.NEVER);
        List<ExecuteListener> listeners = new ArrayList<>(List.of(statements, new ReadOnlyGuard()));
        if (url.dialect() == Dialect.SQLITE) {
            // No JDBC query timeout on SQLite: sqlite-jdbc would swap the connection's busy timeout
            // for it around every statement (two extra native calls), and it bounds lock waits only.
            // The watchdog bounds the statement itself.
            this.watchdog = Optional.of(new StatementWatchdog(settings.statementTimeout()));
            listeners.add(watchdog.get());
        } else {
            this.watchdog = Optional.empty();
            jooqSettings.setQueryTimeout((int) Math.max(1, settings.statementTimeout().toSeconds()));
        }
        Configuration jooq = new DefaultConfiguration()
                .set(url.dialect().jooq())
                .set(jooqSettings)
                .set(listeners.toArray(ExecuteListener[]::new));
        WriteGate gate = url.dialect() == Dialect.SQLITE
                ? WriteGate.oneWriter(settings.timeout(), telemetry::recordWriteGateTimeout)
                : WriteGate.open();
        PoolEcho echo = options.echoPool() ? new PoolEcho(true, this::poolStats) : PoolEcho.OFF;
        this.availability = url.dialect() == Dialect.SQLITE
                ? Availability.alwaysReachable()
                : new Availability(() -> ServerCheck.reasonUnreachable(url), this::evictPooledConnections);
        this.replicas = options.replicas().map(r -> {
            PoolTelemetry readTelemetry = new PoolTelemetry(new MicrometerMetricsTrackerFactory(options.poolMetrics()));
            PoolSettings readSettings = r.poolSize().map(settings::withMaxSize).orElse(settings);
            return new Replicas(ConnectionPool.create(r.url(), readSettings, readTelemetry, ConnectionPool.Role.REPLICA),
                    readTelemetry, pool, r.maxLag(), r.readYourWritesWait());
        });
        this.unitOfWork = new PooledUnitOfWork(pool, url.dialect(), jooq, gate, this::evictPooledConnections, echo,
                availability, replicas, readYourWrites);
        // An in-memory database lives in its pool's one connection, so it is migrated through that.
        this.migration = url.inMemory() && options.migrateFirst().isPresent()
                ? Optional.of(guarded(() -> Migrations.apply(pool, url.dialect())))
                : migratedBefore;
    }

    /**
     * What the adapter does at start, reports and logs besides its data.
     *
     * @param listener     told of every statement, on the thread that ran it
     * @param echo         statement logging
     * @param echoPool     log checkouts and checkins ({@code DB_ECHO_POOL})
     * @param migrateFirst apply pending migrations this way before the pool opens; empty: leave the schema as it is
     * @param replicas     hot standbys for reads, in a second pool; empty: the primary serves every read
     * @param poolMetrics  where each pool reports what HikariCP measures, under HikariCP's own
     *                     {@code hikaricp_*} names, labelled by pool name
     */
    public record Options(StatementListener listener, SqlEcho echo, boolean echoPool, Optional<MigrationSettings> migrateFirst,
                          Optional<ReplicaSettings> replicas, MeterRegistry poolMetrics) {
        /** A registry that keeps nothing: a composite without members. */
        public static final MeterRegistry NO_POOL_METRICS = new CompositeMeterRegistry();
        public static final Options DEFAULTS = new Options(StatementListener.NONE, SqlEcho.DEFAULTS, false,
                Optional.empty(), Optional.empty(), NO_POOL_METRICS);

        public Options migratingFirst(MigrationSettings migration) {
            return new Options(listener, echo, echoPool, Optional.of(migration), replicas, poolMetrics);
        }

        /** Reads may go to these standbys; writes never do. */
        public Options readingFrom(ReplicaSettings standbys) {
            return new Options(listener, echo, echoPool, migrateFirst, Optional.of(standbys), poolMetrics);
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
        createSqliteDirectory(url);
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
        createSqliteDirectory(migration.url());
        return guarded(() -> Migrations.apply(migration));
    }

    private static MigrationReport guarded(java.util.function.Supplier<MigrationReport> migration) {
        try {
            return migration.get();
        } catch (RuntimeException e) {
            throw new DatabaseUnreachableException("migration failed: " + ConnectionFailures.describe(e), e);
        }
    }

    /** SQLite creates the file but not its folder; a fresh checkout should not fail on that. */
    private static void createSqliteDirectory(DatabaseUrl url) {
        Optional<Path> parent = url.sqliteFile().map(file -> file.toAbsolutePath().getParent());
        try {
            if (parent.isPresent()) {
                Files.createDirectories(parent.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the SQLite database " + parent.get(), e);
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
        return new Diagnostics(url.dialect(), pool, availability, this::poolStats, statements::totals, replicas,
                schemaCheck);
    }

    /** What each request's reads require and its writes committed: the {@code Consistency-Token}. */
    public ReadYourWrites readYourWrites() {
        return readYourWrites;
    }

    public PoolStats poolStats() {
        return statsOf(pool, telemetry);
    }

    static PoolStats statsOf(HikariDataSource pool, PoolTelemetry telemetry) {
        HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        int max = pool.getMaximumPoolSize();
        double waited = telemetry.acquireNanos() / 1e9;
        if (mx == null) {
            return new PoolStats(0, 0, 0, 0, max, telemetry.timeouts(), telemetry.acquired(), waited);
        }
        return new PoolStats(mx.getActiveConnections(), mx.getIdleConnections(), mx.getThreadsAwaitingConnection(),
                mx.getTotalConnections(), max, telemetry.timeouts(), telemetry.acquired(), waited);
    }

    /** Retires every pooled connection; in-use ones go when returned. */
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

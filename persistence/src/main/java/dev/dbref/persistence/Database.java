package dev.dbref.persistence;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.dbref.domain.port.UnitOfWork;
import org.jooq.Configuration;
import org.jooq.conf.FetchTriggerValuesAfterReturning;
import org.jooq.conf.Settings;
import org.jooq.impl.DefaultConfiguration;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The persistence adapter's entry point: owns the one pool of the process, applies migrations,
 * hands out the {@link UnitOfWork}, and answers the operator's questions (health, pool figures,
 * statement totals). Close it once, at shutdown.
 */
public final class Database implements AutoCloseable {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private final PoolTelemetry telemetry;
    private final StatementObserver statements;
    private final UnitOfWork unitOfWork;
    private final Availability availability;
    private final StatementWatchdog watchdog;

    private Database(DatabaseUrl url, PoolSettings settings, Options options) {
        this.url = url;
        this.telemetry = new PoolTelemetry();
        this.pool = ConnectionPool.create(url, settings, telemetry);
        this.statements = new StatementObserver(options.listener(), options.echo());
        Configuration jooq = new DefaultConfiguration()
                .set(url.dialect().jooq())
                .set(new Settings()
                        .withQueryTimeout((int) Math.max(1, settings.statementTimeout().toSeconds()))
                        .withExecuteLogging(false)
                        .withRenderSchema(false)
                        // Native INSERT .. RETURNING on SQLite too (we use no triggers): one
                        // statement that returns every inserted row, not a last_insert_rowid() query.
                        .withFetchTriggerValuesAfterReturning(FetchTriggerValuesAfterReturning.NEVER))
                .set(statements, new ReadOnlyGuard());
        if (url.dialect() == Dialect.SQLITE) {
            this.watchdog = new StatementWatchdog(settings.statementTimeout());
            jooq.set(statements, new ReadOnlyGuard(), watchdog);
        } else {
            this.watchdog = null;
        }
        WriteGate gate = url.dialect() == Dialect.SQLITE
                ? WriteGate.oneWriter(settings.timeout(), telemetry::recordWriteGateTimeout)
                : WriteGate.open();
        PoolEcho echo = options.echoPool() ? new PoolEcho(true, this::poolStats) : PoolEcho.OFF;
        this.availability = new Availability(this::probeReason, this::evictPooledConnections);
        this.unitOfWork = new PooledUnitOfWork(pool, url.dialect(), jooq, gate, this::evictPooledConnections, echo,
                availability);
    }

    /**
     * What the adapter reports and logs besides its data.
     *
     * @param listener told of every statement, on the thread that ran it
     * @param echo     statement logging
     * @param echoPool log checkouts and checkins ({@code DB_ECHO_POOL})
     */
    public record Options(StatementListener listener, SqlEcho echo, boolean echoPool) {
        public static final Options DEFAULTS = new Options(StatementListener.NONE, SqlEcho.DEFAULTS, false);
    }

    /** Creates the pool; connects lazily, so this succeeds even while the database is down. */
    public static Database open(DatabaseUrl url, PoolSettings settings) {
        return open(url, settings, Options.DEFAULTS);
    }

    public static Database open(DatabaseUrl url, PoolSettings settings, Options options) {
        createSqliteDirectory(url);
        return new Database(url, settings, options);
    }

    /** SQLite creates the file but not its folder; a fresh checkout should not fail on that. */
    private static void createSqliteDirectory(DatabaseUrl url) {
        if (url.dialect() != Dialect.SQLITE || url.inMemory()) {
            return;
        }
        String path = url.jdbcUrl().substring("jdbc:sqlite:".length());
        if (path.startsWith("file:") || path.contains("?")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the SQLite database " + parent, e);
        }
    }

    public Dialect dialect() {
        return url.dialect();
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /**
     * Applies pending migrations on connections of their own, not the pool's: Flyway holds two
     * at once, which would deadlock a pool of one. An in-memory SQLite database lives in its pool's
     * single connection, so it is migrated through that.
     */
    public MigrationReport migrate() {
        try {
            DataSource target = url.inMemory() ? pool : new DriverManagerDataSource(url.jdbcUrl(), url.user(), url.password());
            return Migrations.apply(target, url.dialect());
        } catch (RuntimeException e) {
            throw new DatabaseUnreachableException("migration failed: " + ConnectionFailures.describe(e), e);
        }
    }

    /**
     * Connects with a fresh connection outside the pool and runs {@code SELECT 1}: fails within
     * seconds, with one clear line, when the database cannot be reached.
     */
    public ServerInfo check() {
        if (url.inMemory()) {
            return ping(CHECK_TIMEOUT);
        }
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        if (url.dialect() == Dialect.POSTGRESQL) {
            properties.setProperty("connectTimeout", String.valueOf(CHECK_TIMEOUT.toSeconds()));
            properties.setProperty("socketTimeout", String.valueOf(CHECK_TIMEOUT.toSeconds()));
        }
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties)) {
            return selectOne(connection);
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(ConnectionFailures.describe(e), e);
        }
    }

    /** {@code null} when a fresh connection answers {@code SELECT 1}, else why not; never used for SQLite. */
    private String probeReason() {
        if (url.dialect() == Dialect.SQLITE) {
            return null;
        }
        try {
            check();
            return null;
        } catch (DatabaseUnreachableException e) {
            return e.getMessage();
        }
    }

    /**
     * Readiness: {@code SELECT 1} on a pooled connection, waiting at most {@code timeout} for it.
     *
     * @throws DatabaseUnreachableException with a one-line reason when the database does not answer
     */
    public ServerInfo ping(Duration timeout) {
        if (availability.isDown()) {
            try {
                availability.requireReachable();
            } catch (RuntimeException e) {
                throw new DatabaseUnreachableException(e.getMessage(), e);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = borrow(timeout)) {
            if (System.nanoTime() > deadline) {
                throw new DatabaseUnreachableException("no pooled connection within " + timeout.toMillis() + " ms", null);
            }
            return selectOne(connection);
        } catch (SQLException e) {
            availability.connectionFailed();
            throw new DatabaseUnreachableException(ConnectionFailures.describe(e), e);
        }
    }

    /**
     * A pooled connection within {@code timeout}, which may be shorter than the pool's own wait.
     * A connection that arrives after the caller gave up is closed, i.e. returned, when it comes.
     */
    private Connection borrow(Duration timeout) throws SQLException {
        CompletableFuture<Connection> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, task -> Thread.ofVirtual().name("dbref-health-probe").start(task));
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.thenAccept(Database::closeQuietly);
            throw new SQLTimeoutException("no pooled connection within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException sql ? sql : new SQLException("pool failure", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.thenAccept(Database::closeQuietly);
            throw new SQLException("interrupted while waiting for a connection", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // returning a connection that broke: HikariCP evicts it
        }
    }

    private ServerInfo selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) CHECK_TIMEOUT.toSeconds());
            long start = System.nanoTime();
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                rs.next();
            }
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);
            return new ServerInfo(url.dialect(), connection.getMetaData().getDatabaseProductVersion(), roundTrip);
        }
    }

    /**
     * Connections the server sees from all clients to this database ({@code pg_stat_activity});
     * {@code null} on SQLite, which has no server.
     */
    public Long serverConnections() {
        if (url.dialect() != Dialect.POSTGRESQL) {
            return null;
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(ConnectionFailures.describe(e), e);
        }
    }

    public PoolStats poolStats() {
        HikariPoolMXBean mx = pool.getHikariPoolMXBean();
        int max = pool.getMaximumPoolSize();
        double waited = telemetry.acquireNanos() / 1e9;
        if (mx == null) {
            return new PoolStats(0, 0, 0, 0, max, telemetry.timeouts(), telemetry.acquired(), waited);
        }
        return new PoolStats(mx.getActiveConnections(), mx.getIdleConnections(), mx.getThreadsAwaitingConnection(),
                mx.getTotalConnections(), max, telemetry.timeouts(), telemetry.acquired(), waited);
    }

    public StatementTotals statementTotals() {
        return statements.totals();
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
        pool.close();
        if (watchdog != null) {
            watchdog.close();
        }
    }

    /** SQLite statements the watchdog sees running (0 on PostgreSQL), for tests. */
    int watchedStatements() {
        return watchdog == null ? 0 : watchdog.running();
    }
}

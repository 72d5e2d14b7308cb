package dev.dbref.persistence.connection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;

import java.time.Duration;

/**
 * Builds the application's one HikariCP pool, set up per dialect.
 *
 * <p>SQLite: every pooled connection gets the pragmas a web server needs (WAL so readers never
 * block the writer, {@code busy_timeout} for other processes, {@code foreign_keys} for cascades).
 * In-process writers never contend in the driver at all: {@link WriteGate} queues them.
 * PostgreSQL: connections are validated before use when idle (HikariCP tests every connection
 * idle for more than 500 ms), kept alive, and retired by age.
 */
public final class ConnectionPool {
    static final int SQLITE_DEFAULT_SIZE = 4;
    static final int POSTGRESQL_DEFAULT_SIZE = 10;
    private static final Duration KEEPALIVE = Duration.ofMinutes(2);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CANCEL_SIGNAL_TIMEOUT = Duration.ofSeconds(2);

    private ConnectionPool() {
    }

    /** Which servers a pool reaches; also its name in logs, metrics and {@code /debug/connections}. */
    public enum Role {
        /** Writes and reads: the primary, whichever of the URL's hosts that is at the time. */
        PRIMARY("primary"),
        /** Reads only: the hot standbys, connections spread over them. */
        REPLICA("replica");

        private final String poolName;

        Role(String poolName) {
            this.poolName = poolName;
        }

        String poolName() {
            return poolName;
        }
    }

    /** How long a read waits for a standby connection before the primary serves it instead. */
    private static final Duration REPLICA_WAIT = Duration.ofSeconds(1);

    public static HikariDataSource create(DatabaseUrl url, PoolSettings settings, PoolTelemetry telemetry) {
        return create(url, settings, telemetry, Role.PRIMARY);
    }

    public static HikariDataSource create(DatabaseUrl url, PoolSettings settings, PoolTelemetry telemetry, Role role) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(role.poolName());
        config.setMetricsTrackerFactory(telemetry);
        // Which servers a pool may reach is in its URL: see DatabaseUrl (several hosts) and forStandbys().
        config.setJdbcUrl(role == Role.REPLICA ? url.forStandbys().jdbcUrl() : url.jdbcUrl());
        // Asked for each new physical connection: a password file that rotates is read again then,
        // while the connections already open keep serving until they are recycled (DB_POOL_RECYCLE).
        config.setCredentialsProvider(() -> Credentials.of(url.user().orElse(null), url.password().orElse(null)));
        long wait = role == Role.REPLICA
                ? Math.min(settings.timeout().toMillis(), REPLICA_WAIT.toMillis())
                : settings.timeout().toMillis();
        config.setConnectionTimeout(wait);
        // A pooled connection idle for more than 500 ms is validated before use: on a dead network
        // that validation waits this long, so it stays well inside the pool's own wait.
        config.setValidationTimeout(Math.clamp(wait / 2, 250, 2_000));
        config.setMaxLifetime(settings.recycle().toMillis());
        // Start without a connection: `check` and the start-up probe report an unreachable
        // database in one clear line, and the pool heals by itself when the database comes back.
        config.setInitializationFailTimeout(-1);
        switch (url.dialect()) {
            case SQLITE -> configureSqlite(config, url, settings);
            case POSTGRESQL -> configurePostgresql(config, url, settings, role);
            default -> throw new IllegalStateException("unsupported dialect " + url.dialect());
        }
        return new HikariDataSource(config);
    }

    private static void configureSqlite(HikariConfig config, DatabaseUrl url, PoolSettings settings) {
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "5000");
        config.addDataSourceProperty("synchronous", "NORMAL");
        if (url.inMemory()) {
            // An in-memory database lives and dies with its connection: exactly one, never retired.
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
        } else {
            config.addDataSourceProperty("journal_mode", "WAL");
            config.setMaximumPoolSize(settings.maxSizeOn(Dialect.SQLITE));
        }
    }

    /** How long one read waits for the server: the statement timeout and a second. */
    static Duration readBound(PoolSettings settings) {
        return settings.statementTimeout().plusSeconds(1);
    }

    private static void configurePostgresql(HikariConfig config, DatabaseUrl url, PoolSettings settings, Role role) {
        // A demoted primary answers writes with 25006; HikariCP would keep that connection.
        config.setExceptionOverrideClassName(ReadOnlyServerEviction.class.getName());

        config.setMaximumPoolSize(settings.maxSizeOn(Dialect.POSTGRESQL));
        if (settings.recycle().compareTo(KEEPALIVE.plusSeconds(30)) > 0) {
            config.setKeepaliveTime(KEEPALIVE.toMillis());
        }
        config.addDataSourceProperty("ApplicationName", settings.name().withPart(role == Role.REPLICA ? "replica" : ""));
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        // A server that accepts the connection and never answers (a frozen process, a stuck proxy).
        config.addDataSourceProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        // The statement timeout cancels a statement by a cancel request over a new connection: on a
        // dead network that request is lost too, and the read would wait for ever (TCP keepalive
        // never fires while the peer's kernel, or a proxy, acknowledges). No read waits longer than
        // the statement timeout and a second: then the connection is given up and HikariCP evicts it.
        // The watchdog does what pgjdbc's socketTimeout would, without a timer per read.
        config.addDataSourceProperty("socketFactory", WatchedSocketFactory.class.getName());
        config.addDataSourceProperty(WatchedSocketFactory.BOUND_PROPERTY, WatchedSocketFactory.boundProperty(readBound(settings)));
        config.addDataSourceProperty("cancelSignalTimeout", String.valueOf(CANCEL_SIGNAL_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // ...and over TLS, no second wait of that length while the connection is closed.
        config.addDataSourceProperty("sslfactory", PromptClosingSslFactory.class.getName());
        // BEGIN READ ONLY for a read-only transaction, in the same round trip, and no session state.
        config.addDataSourceProperty("readOnlyMode", "transaction");
        // Lets the driver send a batch of INSERTs as multi-row statements.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
}

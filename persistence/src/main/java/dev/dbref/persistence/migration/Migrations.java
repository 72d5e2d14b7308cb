package dev.dbref.persistence.migration;

import dev.dbref.persistence.connection.ApplicationName;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.Dialect;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Applies this dialect's Flyway migrations; refuses to run when it finds none.
 *
 * <p>Concurrent migrators wait for each other, so that one applies each migration and the rest
 * find the schema current. PostgreSQL: Flyway's own advisory lock, held in a transaction (safe
 * behind a transaction pooler), retried once a second for the settings' lock wait. SQLite has no
 * such lock: a file lock beside the database file serialises processes (and a lock per file,
 * threads), with the same wait. A migrator that gives up says so in one line.
 */
public final class Migrations {
    private static final Duration LOCK_POLL = Duration.ofMillis(100);
    /** SQLite: the same pragmas as the pool's connections. */
    private static final String SQLITE_PRAGMAS = "busy_timeout=5000&foreign_keys=true&journal_mode=WAL";
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private Migrations() {
    }

    /** Migrates through Flyway's own connections to {@code url}; never through the application's pool. */
    public static MigrationReport apply(MigrationSettings settings) {
        DatabaseUrl url = settings.url();
        if (url.dialect() == Dialect.SQLITE) {
            return url.sqliteFile().isPresent()
                    ? whileHoldingFileLock(url.sqliteFile().get(), settings, () -> run(connectedTo(url), url.dialect()))
                    : run(connectedTo(url), url.dialect());
        }
        try {
            FluentConfiguration owner = connectedTo(named(url, settings.name())).lockRetryCount(settings.lockWaitSeconds());
            settings.grantee().ifPresent(role -> RuntimeGrants.beforeMigrations(owner.getDataSource(), role));
            MigrationReport report = run(owner, url.dialect());
            settings.grantee().ifPresent(role -> RuntimeGrants.grant(owner.getDataSource(), role));
            return report;
        } catch (FlywayException e) {
            if (String.valueOf(e.getMessage()).contains("advisory lock")) {
                throw gaveUp(settings);
            }
            throw e;
        }
    }

    /** Migrates through the given data source: only for an in-memory database, which lives in its pool's one connection. */
    public static MigrationReport apply(DataSource inMemory, Dialect dialect) {
        return run(configure(dialect).dataSource(inMemory), dialect);
    }

    /** {@code url} with pgjdbc's {@code ApplicationName}: {@code pg_stat_activity} shows whose migration runs. */
    private static DatabaseUrl named(DatabaseUrl url, ApplicationName name) {
        return url.withJdbcParameter("ApplicationName", name.withPart("migrate"));
    }

    /** How many of this build's migrations the database at {@code url} has not applied yet. */
    static int pending(DatabaseUrl url) {
        return connectedTo(url).load().info().pending().length;
    }

    /**
     * Flyway's own connections to {@code url}. SQLite's carry the pool's pragmas, so that a
     * migration waits for a lock instead of failing.
     */
    private static FluentConfiguration connectedTo(DatabaseUrl url) {
        if (url.dialect() == Dialect.SQLITE) {
            String jdbc = url.jdbcUrl() + (url.jdbcUrl().contains("?") ? "&" : "?") + SQLITE_PRAGMAS;
            return configure(url.dialect()).dataSource(jdbc, null, null);
        }
        return configure(url.dialect()).dataSource(url.jdbcUrl(), url.user().orElse(null), url.password().orElse(null));
    }

    private static FluentConfiguration configure(Dialect dialect) {
        return Flyway.configure()
                .locations("classpath:" + dialect.migrationLocation())
                .failOnMissingLocations(true)
                .validateMigrationNaming(true);
    }

    private static MigrationReport run(FluentConfiguration configuration, Dialect dialect) {
        Flyway flyway = configuration.load();
        // Flyway treats "no migrations" as success; for us it means a broken build or location.
        if (flyway.info().all().length == 0) {
            throw new IllegalStateException("no migrations found at classpath:" + dialect.migrationLocation());
        }
        MigrateResult result = flyway.migrate();
        return new MigrationReport(result.migrationsExecuted, flyway.info().current().getVersion().getVersion());
    }

    /**
     * A lock file beside the database ({@code app.db} → {@code app.db-migrate.lock}), as SQLite keeps
     * {@code -wal} and {@code -shm} there. Not the database file itself: POSIX locks are per process,
     * and closing our handle to it would drop SQLite's own locks.
     */
    private static MigrationReport whileHoldingFileLock(Path database, MigrationSettings settings,
                                                        Supplier<MigrationReport> migration) {
        Path lockFile = database.resolveSibling(database.getFileName() + "-migrate.lock");
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), path -> new ReentrantLock());
        long deadline = System.nanoTime() + Duration.ofSeconds(settings.lockWaitSeconds()).toNanos();
        try {
            if (!threads.tryLock(settings.lockWaitSeconds(), TimeUnit.SECONDS)) {
                throw gaveUp(settings);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw gaveUp(settings);
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockBefore(channel, deadline, settings);
            try {
                return migration.get();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + " for the migration", e);
        } finally {
            threads.unlock();
        }
    }

    /** The file lock, polled: {@link FileChannel#lock()} would wait for ever. */
    private static FileLock lockBefore(FileChannel channel, long deadline, MigrationSettings settings) throws IOException {
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw gaveUp(settings);
            }
            try {
                Thread.sleep(LOCK_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw gaveUp(settings);
            }
        }
    }

    private static IllegalStateException gaveUp(MigrationSettings settings) {
        return new IllegalStateException("gave up after waiting " + settings.lockWaitSeconds()
                + "s for another migration to finish; start again once it has, or raise MIGRATION_LOCK_WAIT");
    }
}

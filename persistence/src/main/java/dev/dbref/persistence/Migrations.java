package dev.dbref.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Applies this dialect's Flyway migrations; refuses to run when it finds none.
 *
 * <p>Concurrent migrators wait for each other, so that one applies each migration and the rest
 * find the schema current. PostgreSQL: Flyway's own advisory lock, held in a transaction (safe
 * behind a transaction pooler), retried for {@link #LOCK_WAIT_SECONDS}. SQLite has no such lock:
 * a file lock beside the database file serialises processes (and a lock per file, threads).
 */
final class Migrations {
    /** How long a migrator waits for another one before it gives up with one clear line. */
    static final int LOCK_WAIT_SECONDS = 120;
    /** SQLite: the same pragmas as the pool's connections, so a migration waits for a lock instead of failing. */
    private static final String SQLITE_PRAGMAS = "busy_timeout=5000&foreign_keys=true&journal_mode=WAL";
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private Migrations() {
    }

    /** Migrates through Flyway's own connections to {@code url}; never through the application's pool. */
    static MigrationReport apply(DatabaseUrl url) {
        if (url.dialect() == Dialect.SQLITE) {
            String jdbc = url.jdbcUrl() + (url.jdbcUrl().contains("?") ? "&" : "?") + SQLITE_PRAGMAS;
            FluentConfiguration sqlite = configure(url.dialect()).dataSource(jdbc, null, null);
            return url.sqliteFile().isPresent()
                    ? whileHoldingFileLock(url.sqliteFile().get(), () -> run(sqlite, url.dialect()))
                    : run(sqlite, url.dialect());
        }
        return run(configure(url.dialect()).dataSource(url.jdbcUrl(), url.user().orElse(null),
                url.password().orElse(null)), url.dialect());
    }

    /** Migrates through the given data source: only for an in-memory database, which lives in its pool's one connection. */
    static MigrationReport apply(DataSource inMemory, Dialect dialect) {
        return run(configure(dialect).dataSource(inMemory), dialect);
    }

    /** How many of this build's migrations the database at {@code url} has not applied yet. */
    static int pending(DatabaseUrl url) {
        FluentConfiguration configuration = configure(url.dialect());
        Flyway flyway = (url.dialect() == Dialect.SQLITE
                ? configuration.dataSource(url.jdbcUrl(), null, null)
                : configuration.dataSource(url.jdbcUrl(), url.user().orElse(null), url.password().orElse(null))).load();
        return flyway.info().pending().length;
    }

    private static FluentConfiguration configure(Dialect dialect) {
        return Flyway.configure()
                .locations("classpath:" + dialect.migrationLocation())
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .lockRetryCount(LOCK_WAIT_SECONDS);
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
    private static MigrationReport whileHoldingFileLock(Path database, java.util.function.Supplier<MigrationReport> migration) {
        Path lockFile = database.resolveSibling(database.getFileName() + "-migrate.lock");
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), path -> new ReentrantLock());
        threads.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return migration.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + " for the migration", e);
        } finally {
            threads.unlock();
        }
    }
}

package dev.dbref.persistence;

import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.diagnostics.SqlEcho;
import dev.dbref.persistence.diagnostics.StatementListener;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Duration;
import java.util.Optional;

/** A migrated, empty database of one kind with its pool, for one test. Close it after the test. */
final class DatabaseFixture implements AutoCloseable {
    final Database database;

    private DatabaseFixture(Database database) {
        this.database = database;
    }

    static DatabaseFixture fresh(TestDatabase kind) {
        return fresh(kind, PoolSettings.DEFAULTS.withTimeout(Duration.ofSeconds(10)));
    }

    static DatabaseFixture fresh(TestDatabase kind, PoolSettings settings) {
        return fresh(kind, settings, StatementListener.NONE);
    }

    static DatabaseFixture fresh(TestDatabase kind, PoolSettings settings, StatementListener listener) {
        DatabaseUrl url = DatabaseUrl.parse(kind.freshUrl());
        Database database = Database.open(url, settings,
                Database.Options.DEFAULTS.migratingFirst(MigrationSettings.at(url))
                        .observedBy(new Database.Observation(listener, SqlEcho.DEFAULTS, false, Optional.empty())));
        return new DatabaseFixture(database);
    }

    UnitOfWork unitOfWork() {
        return database.unitOfWork();
    }

    @Override
    public void close() {
        database.close();
    }
}

package dev.dbref.persistence;

import dev.dbref.testkit.Connections;
import io.micrometer.core.instrument.MeterRegistry;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.Topology;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.diagnostics.SqlEcho;
import dev.dbref.persistence.diagnostics.StatementListener;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.persistence.migration.RuntimeRole;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Duration;
import java.util.Optional;

/** A migrated, empty database of one kind with its pool, for one test. Close it after the test. */
final class DatabaseFixture implements AutoCloseable {
    final Database database;

    private DatabaseFixture(Database database) {
        this.database = database;
    }

    /** A fresh database of that kind reached as production reaches it ({@link TestDatabase#fresh()}). */
    static DatabaseFixture fresh(TestDatabase kind) {
        return fresh(kind, PoolSettings.DEFAULTS.withTimeout(Duration.ofSeconds(10)));
    }

    static DatabaseFixture fresh(TestDatabase kind, PoolSettings settings) {
        return fresh(kind, settings, StatementListener.NONE);
    }

    static DatabaseFixture fresh(TestDatabase kind, PoolSettings settings, StatementListener listener) {
        return open(kind.fresh(), settings, listener);
    }

    /** A fresh database reached the way {@code topology} reaches it; migrated over its migration URL. */
    static DatabaseFixture on(Topology topology) {
        return on(topology, PoolSettings.DEFAULTS.withTimeout(Duration.ofSeconds(10)));
    }

    static DatabaseFixture on(Topology topology, PoolSettings settings) {
        return on(topology, settings, StatementListener.NONE);
    }

    static DatabaseFixture on(Topology topology, PoolSettings settings, StatementListener listener) {
        return open(topology.fresh(), settings, listener);
    }

    /** A fresh database reached through {@code connections}, which the test keeps to look behind the pool. */
    static DatabaseFixture open(Connections connections) {
        return open(connections, PoolSettings.DEFAULTS.withTimeout(Duration.ofSeconds(10)), StatementListener.NONE);
    }

    /** As {@link #on(Topology, PoolSettings)}, its pools' figures exported to {@code metrics} as the service exports them. */
    static DatabaseFixture on(Topology topology, PoolSettings settings, MeterRegistry metrics) {
        return open(topology.fresh(), settings, new Database.Observation(StatementListener.NONE, SqlEcho.DEFAULTS, false,
                Optional.of(metrics)));
    }

    /** A fresh database reached through {@code connections}, which the test keeps to look behind the pool. */
    static DatabaseFixture open(Connections connections, PoolSettings settings, StatementListener listener) {
        return open(connections, settings, new Database.Observation(listener, SqlEcho.DEFAULTS, false, Optional.empty()));
    }

    private static DatabaseFixture open(Connections connections, PoolSettings settings, Database.Observation observation) {
        DatabaseUrl url = DatabaseUrl.parse(connections.url());
        MigrationSettings owner = MigrationSettings.at(DatabaseUrl.parse(connections.urlForMigrations()));
        MigrationSettings migration = connections.runtimeRole().map(role -> owner.grantingTo(new RuntimeRole(role))).orElse(owner);
        Database database = Database.open(url, settings,
                Database.Options.DEFAULTS.migratingFirst(migration).observedBy(observation));
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

package dev.dbref.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/** Applies this dialect's Flyway migrations; refuses to run when it finds none. */
final class Migrations {
    private Migrations() {
    }

    static MigrationReport apply(DataSource dataSource, Dialect dialect) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + dialect.migrationLocation())
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
        // Flyway treats "no migrations" as success; for us it means a broken build or location.
        if (flyway.info().all().length == 0) {
            throw new IllegalStateException("no migrations found at classpath:" + dialect.migrationLocation());
        }
        MigrateResult result = flyway.migrate();
        return new MigrationReport(result.migrationsExecuted, flyway.info().current().getVersion().getVersion());
    }
}

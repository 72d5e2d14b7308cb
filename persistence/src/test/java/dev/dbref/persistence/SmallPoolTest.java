package dev.dbref.persistence;

import dev.dbref.testkit.TestDatabase;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.domain.model.ProductFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static dev.dbref.persistence.TestProducts.aProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pool of one connection (and an in-memory SQLite database, which has exactly one) migrates and serves. */
class SmallPoolTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_pool_of_one_connection_migrates_and_serves(TestDatabase kind) {
        try (DatabaseFixture db = DatabaseFixture.fresh(kind, PoolSettings.DEFAULTS.withMaxSize(1))) {
            db.unitOfWork().write(r -> r.products().insert(aProduct().build(), Instant.now()));
            assertEquals(1, (long) db.unitOfWork().read(r -> r.products().count(ProductFilter.NONE)));
        }
    }

    @Test
    void an_in_memory_sqlite_database_migrates_and_keeps_its_data_in_its_one_connection() {
        DatabaseUrl url = DatabaseUrl.parse("sqlite::memory:");
        try (Database database = Database.open(url, PoolSettings.DEFAULTS, Database.Options.DEFAULTS.migratingFirst(MigrationSettings.at(url)))) {
            assertTrue(database.migration().orElseThrow().applied() >= 3);
            database.unitOfWork().write(r -> r.products().insert(aProduct().build(), Instant.now()));
            database.unitOfWork().write(r -> r.products().insert(aProduct().build(), Instant.now()));

            assertEquals(2, (long) database.unitOfWork().read(r -> r.products().count(ProductFilter.NONE)));
            assertEquals(1, database.poolStats().max());
        }
    }
}

package dev.dbref.persistence;

import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.migration.MigrationSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static dev.dbref.persistence.TestProducts.aProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A new SQLite database, its write-ahead log and its shared memory are readable by their owner only. */
class SqliteFilePermissionsTest {

    @Test
    void a_new_database_and_its_wal_and_shm_are_owner_only() throws Exception {
        Path file = Files.createTempDirectory("dbref-perms").resolve("data/app.db");
        DatabaseUrl url = DatabaseUrl.parse("sqlite:" + file);
        try (Database db = Database.open(url, PoolSettings.DEFAULTS, Database.Options.DEFAULTS.migratingFirst(MigrationSettings.at(url)))) {
            db.unitOfWork().write(r -> r.products().insert(aProduct().build(), Instant.now()));
            for (String name : new String[] {"app.db", "app.db-wal", "app.db-shm"}) {
                Path path = file.resolveSibling(name);
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), path.toString());
            }
        }
    }
}

package dev.dbref.persistence;

import dev.dbref.testkit.Connections;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.TlsPostgres;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.persistence.migration.RuntimeRole;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.repository.JooqRepositories;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.port.StoreUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;

import static dev.dbref.persistence.TestProducts.aProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that turns read-only under the pool (as a demoted primary does) answers writes with
 * SQLState 25006: the write is a 503 (unavailable), nothing is written, and the pool evicts that
 * connection, so the next write, once a writable server is back, runs on a fresh one, once.
 */
class PostgresDemotionTest {

    @Test
    void a_write_that_meets_a_read_only_server_is_unavailable_and_its_connection_evicted() throws Exception {
        TlsPostgres tls = TlsPostgres.instance();
        try (EmbeddedPostgres server = tls.configure(EmbeddedPostgres.builder()).start();
             Database db = openAsProduction(tls.leastPrivileged(server))) {
            int before = db.unitOfWork().write(r -> {
                r.products().insert(aProduct().build(), Instant.now());
                return backend(r);
            });

            readOnly(server, true);
            StoreUnavailableException refused = assertThrows(StoreUnavailableException.class,
                    () -> db.unitOfWork().write(r -> r.products().insert(aProduct().build(), Instant.now())));
            assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());

            readOnly(server, false);
            int after = db.unitOfWork().write(r -> {
                r.products().insert(aProduct().build(), Instant.now());
                return backend(r);
            });
            assertNotEquals(before, after, "the connection that met the read-only server was kept");
            assertEquals(2L, (long) db.unitOfWork().read(r -> r.products().count(ProductFilter.NONE)));
        }
    }

    /** The runtime role over verify-full TLS, migrations as the owner. */
    private static Database openAsProduction(Connections connections) {
        return Database.open(DatabaseUrl.parse(connections.url()), PoolSettings.DEFAULTS.withMaxSize(1),
                Database.Options.DEFAULTS.migratingFirst(MigrationSettings.at(DatabaseUrl.parse(connections.urlForMigrations()))
                        .grantingTo(new RuntimeRole(TlsPostgres.APP_ROLE))));
    }

    private static int backend(dev.dbref.domain.port.Repositories r) {
        return ((JooqRepositories) r).dsl().fetchValue(DSL.field("pg_backend_pid()", Integer.class));
    }

    private static void readOnly(EmbeddedPostgres server, boolean on) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(on ? "ALTER SYSTEM SET default_transaction_read_only = on" : "ALTER SYSTEM RESET default_transaction_read_only");
            s.execute("SELECT pg_reload_conf()");
        }
        // The postmaster passes the reload on to every session; once a new session sees it, so will ours.
        Eventually.until("the server is " + (on ? "read-only" : "writable"), () -> {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SHOW default_transaction_read_only")) {
                rs.next();
                return rs.getString(1).equals(on ? "on" : "off");
            } catch (java.sql.SQLException e) {
                return false;
            }
        });
    }
}

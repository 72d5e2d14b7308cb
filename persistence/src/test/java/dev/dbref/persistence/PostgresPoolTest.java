package dev.dbref.persistence;

import dev.dbref.testkit.TlsPostgres;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.port.UnitOfWork;
import dev.dbref.domain.port.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

import static dev.dbref.persistence.TestProducts.aProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool heals itself when PostgreSQL drops its connections. */
class PostgresPoolTest {
    private DatabaseFixture db;
    private UnitOfWork uow;

    @BeforeEach
    void open() {
        db = DatabaseFixture.fresh(TestDatabase.POSTGRESQL, PoolSettings.DEFAULTS.withMaxSize(4));
        uow = db.unitOfWork();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void units_of_work_succeed_right_after_every_server_connection_is_terminated() throws Exception {
        uow.write(repos -> repos.products().insert(aProduct().build(), Instant.now()));
        int terminated = terminateAllConnectionsOfThisDatabase();
        assertTrue(terminated > 0, "the test must actually kill pooled connections");

        // Immediately, within HikariCP's 500 ms no-validation window: the stale connection is
        // detected on first use and the work runs again on a fresh one.
        long count = uow.read(repos -> repos.products().count(ProductFilter.NONE));
        uow.write(repos -> repos.products().insert(aProduct().build(), Instant.now()));

        assertEquals(1, count);
        assertEquals(2, (long) uow.read(repos -> repos.products().count(ProductFilter.NONE)));
        assertEquals(0, db.database.poolStats().active());
    }

    @Test
    void the_pool_is_sized_and_aged_as_configured() {
        assertEquals(4, db.database.poolStats().max());
        assertEquals(PoolSettings.DEFAULTS.recycle().toMillis(), db.database.pool().getMaxLifetime());
        assertEquals(PoolSettings.DEFAULTS.timeout().toMillis(), db.database.pool().getConnectionTimeout());
    }

    @Test
    void a_read_by_id_waiting_on_a_lock_is_cancelled_by_the_statement_timeout() throws Exception {
        // findById runs over plain JDBC (PreparedRead): it must keep jOOQ's query timeout, which
        // cancels the statement on the server, and not wait for the read watchdog, which gives
        // the connection up a second later ("the database stopped answering").
        try (DatabaseFixture strict = DatabaseFixture.fresh(TestDatabase.POSTGRESQL,
                PoolSettings.DEFAULTS.withMaxSize(4).withStatementTimeout(java.time.Duration.ofSeconds(1)))) {
            long id = strict.unitOfWork().write(repos -> repos.products().insert(aProduct().build(), Instant.now())).id();
            try (Connection locker = strict.database.pool().getConnection(); Statement s = locker.createStatement()) {
                locker.setAutoCommit(false);
                s.execute("LOCK TABLE products IN ACCESS EXCLUSIVE MODE");

                StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                        () -> strict.unitOfWork().readOne(repos -> repos.products().findById(id)));
                assertEquals("the database is unavailable", e.getMessage());
                locker.rollback();
            }
            assertTrue(strict.unitOfWork().readOne(repos -> repos.products().findById(id)).isPresent());
            assertEquals(0, strict.database.poolStats().active());
        }
    }

    /** HikariCP's shortest lifetime is 30 s, so this test waits that long, once. */
    @Test
    void a_connection_older_than_the_recycle_age_is_retired() throws Exception {
        try (DatabaseFixture aged = DatabaseFixture.fresh(TestDatabase.POSTGRESQL,
                PoolSettings.DEFAULTS.withMaxSize(1).withRecycle(java.time.Duration.ofSeconds(30)))) {
            int before = backendPid(aged);
            Thread.sleep(33_000);
            int after = backendPid(aged);

            assertTrue(before != after, "the 30 s old connection (backend " + before + ") was still in use");
            assertEquals(0, aged.database.poolStats().active());
        }
    }

    private static int backendPid(DatabaseFixture fixture) throws Exception {
        try (Connection c = fixture.database.pool().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int terminateAllConnectionsOfThisDatabase() throws Exception {
        String name;
        try (Connection c = db.database.pool().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_database()")) {
            rs.next();
            name = rs.getString(1);
        }
        try (Connection admin = TlsPostgres.instance().admin(); Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '"
                     + name + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

package dev.dbref.persistence;

import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.port.StoreUnavailableException;
import dev.dbref.domain.port.UnitOfWork;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.diagnostics.StatementListener;
import dev.dbref.testkit.Connections;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.FaultProxy;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.TlsPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that stops answering in the middle of a unit of work (a black hole between the pool
 * and a real PostgreSQL, over verify-full TLS as production connects): the read is given up at
 * the statement timeout and a second, through pgjdbc and the JDK's TLS, as "stopped answering",
 * and it is not run again. pgjdbc reads again after a socket timeout it did not ask for, so a
 * watchdog that ended the read the wrong way would hang here for ever (it did, at first).
 * PostgreSQL only: SQLite runs in the process, with no network to go silent; its runaway
 * statements are {@code StatementWatchdog}'s ({@code SqliteWatchdogTest}).
 */
class PostgresSilentServerTest {
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_BOUND = STATEMENT_TIMEOUT.plusSeconds(1);

    private FaultProxy proxy;
    private DatabaseFixture db;

    @BeforeEach
    void open() {
        TlsPostgres server = TlsPostgres.instance();
        Connections direct = TestDatabase.POSTGRESQL.fresh();
        proxy = FaultProxy.to("127.0.0.1", server.port());
        Connections throughProxy = direct.servingThrough(server.atPort(direct.url(), proxy.port()));
        db = DatabaseFixture.open(throughProxy, PoolSettings.DEFAULTS.withMaxSize(2).withStatementTimeout(STATEMENT_TIMEOUT),
                StatementListener.NONE);
    }

    @AfterEach
    void close() {
        proxy.resume();
        db.close();
        proxy.close();
    }

    @Test
    void a_read_left_unanswered_fails_at_the_bound_once_and_the_pool_heals() {
        UnitOfWork uow = db.unitOfWork();
        assertEquals(0L, (long) uow.readOne(repos -> repos.products().count(ProductFilter.NONE)));
        proxy.blackHole();

        long start = System.nanoTime();
        StoreUnavailableException failure = assertTimeoutPreemptively(READ_BOUND.plusSeconds(10), () ->
                assertThrows(StoreUnavailableException.class, () -> uow.readOne(repos -> repos.products().count(ProductFilter.NONE))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals("the database stopped answering, so its connection was given up", failure.getMessage());
        assertTrue(took.compareTo(READ_BOUND) >= 0, "given up after " + took.toMillis() + " ms, before the bound");
        // After the bound: up to a second more for pgjdbc's own cancel request to give up (it holds
        // the connection's lock), then Availability's probe (at most 2 s): about 6 s in all. Run
        // again, the work would also wait out a second bound and a login that cannot finish (5 s).
        assertTrue(took.compareTo(READ_BOUND.plusSeconds(6)) < 0, "given up only after " + took.toMillis() + " ms");

        proxy.resume();
        Eventually.until("the pool serves again", () -> {
            try {
                return uow.readOne(repos -> repos.products().count(ProductFilter.NONE)) == 0L;
            } catch (StoreUnavailableException stillDown) {
                return false;
            }
        });
    }
}

package dev.dbref.persistence;

import dev.dbref.testkit.Topology;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.dbref.testkit.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.repository.JooqRepositories;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.port.StoreUnavailableException;
import dev.dbref.domain.port.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.dbref.persistence.TestProducts.aProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unit of work's promises, on every real database: all or nothing, and the connection always goes back. */
@ParameterizedClass
// Not on the standby topology: the persistence layer reads what it just wrote without a
// Consistency-Token (that is the web adapter's part, which the HTTP contracts cover there).
@EnumSource(value = Topology.class, names = {"SQLITE_FILE", "POSTGRES", "POSTGRES_VIA_PGBOUNCER", "POSTGRES_TLS_LEAST_PRIVILEGE"})
class UnitOfWorkContract {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private DatabaseFixture db;
    private UnitOfWork uow;

    @Parameter
    Topology topology;

    @BeforeEach
    void open() {
        db = DatabaseFixture.on(topology, PoolSettings.DEFAULTS.withMaxSize(2).withTimeout(Duration.ofMillis(500)));
        uow = db.unitOfWork();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long count() {
        return uow.read(repos -> repos.products().count(ProductFilter.NONE));
    }

    @Test
    void work_that_throws_after_writing_leaves_nothing_behind() {
        assertThrows(NotFoundException.class, () -> uow.write(repos -> {
            repos.products().insert(aProduct().build(), NOW);
            repos.products().insertAll(List.of(aProduct().build(), aProduct().build()), NOW);
            throw new NotFoundException("product", 1);
        }));

        assertEquals(0, count());
        assertEquals(0, db.database.poolStats().active());
    }

    @Test
    void a_read_only_unit_of_work_refuses_to_write() {
        assertThrows(IllegalStateException.class, () -> uow.read(repos -> repos.products().insert(aProduct().build(), NOW)));

        assertEquals(0, count());
        assertEquals(0, db.database.poolStats().active());
    }

    @Test
    void work_that_returns_commits_everything() {
        uow.write(repos -> repos.products().insertAll(List.of(aProduct().build(), aProduct().build()), NOW));

        assertEquals(2, count());
        assertEquals(0, db.database.poolStats().active());
    }

    @Test
    void a_failing_statement_rolls_back_the_earlier_ones() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> uow.write(repos -> {
            repos.products().insert(aProduct().build(), NOW);
            // A statement the database refuses: breaks the CHECK constraint the domain guards first.
            return ((JooqRepositories) repos).dsl().execute("UPDATE products SET quantity = -1");
        }));

        assertInstanceOf(org.jooq.exception.IntegrityConstraintViolationException.class, failure, failure.toString());
        assertTrue(failure.getMessage().contains("products_quantity_non_negative"), failure.getMessage());
        assertEquals(0, count());
        assertEquals(0, db.database.poolStats().active());
    }

    @Test
    void every_connection_is_returned_after_many_units_of_work_fail() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(threads.submit(() -> uow.write(repos -> {
                    repos.products().insert(aProduct().build(), NOW);
                    throw new IllegalStateException("boom");
                })));
            }
            int ran = 0;
            for (Future<?> result : results) {
                Throwable cause = assertThrows(Exception.class, result::get).getCause();
                // On a busy machine 50 serialised writers may outwait the 500 ms pool timeout: a 503, no less correct.
                assertTrue(cause instanceof IllegalStateException || cause instanceof StoreUnavailableException, cause.toString());
                ran += cause instanceof IllegalStateException ? 1 : 0;
            }
            assertTrue(ran > 0, "no unit of work ran at all");
        }
        assertEquals(0, count());
        assertEquals(0, db.database.poolStats().active());
    }

    @Test
    void a_request_waiting_longer_than_the_pool_timeout_gets_unavailable_not_a_hang() throws Exception {
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2; i++) {
                threads.submit(() -> uow.read(repos -> {
                    repos.products().count(ProductFilter.NONE);
                    holding.countDown();
                    await(release);
                    return null;
                }));
            }
            assertTrue(holding.await(10, TimeUnit.SECONDS));

            long start = System.nanoTime();
            assertThrows(StoreUnavailableException.class, this::count);
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMillis >= 400 && waitedMillis < 5_000, "waited " + waitedMillis + " ms");

            release.countDown();
        }
        assertEquals(0, count());
        assertEquals(0, db.database.poolStats().active());
    }

    /**
     * The borrow gate: a full pool serves its waiters first come, first served, and counts them as
     * waiting, in its figures and in the exported {@code hikaricp_connections_pending} alike.
     */
    @Test
    void callers_of_a_full_pool_are_served_in_the_order_they_came() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (DatabaseFixture small = DatabaseFixture.on(topology, PoolSettings.DEFAULTS.withMaxSize(1)
                .withTimeout(Duration.ofSeconds(20)), metrics)) {
            UnitOfWork uow = small.unitOfWork();
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> served = new CopyOnWriteArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<?> holder = threads.submit(() -> uow.read(repos -> {
                    holding.countDown();
                    await(release);
                    return null;
                }));
                assertTrue(holding.await(10, TimeUnit.SECONDS));
                List<Future<?>> waiters = new ArrayList<>();
                try {
                    for (int i = 0; i < 5; i++) {
                        int caller = i;
                        waiters.add(threads.submit(() -> uow.read(repos -> served.add(caller))));
                        Eventually.until("caller " + caller + " waits", () -> small.database.poolStats().pending() == caller + 1
                                && metrics.get("hikaricp.connections.pending").gauge().value() == caller + 1);
                    }
                } finally {
                    release.countDown();
                }
                holder.get(10, TimeUnit.SECONDS);
                for (Future<?> waiter : waiters) {
                    waiter.get(10, TimeUnit.SECONDS);
                }
            }
            assertEquals(List.of(0, 1, 2, 3, 4), served);
            assertEquals(0, small.database.poolStats().pending());
        }
    }

    @Test
    void a_runaway_statement_is_cancelled_by_the_statement_timeout() {
        try (DatabaseFixture strict = DatabaseFixture.on(topology, PoolSettings.DEFAULTS
                .withStatementTimeout(Duration.ofSeconds(1)))) {
            String endless = topology.database() == TestDatabase.POSTGRESQL
                    ? "SELECT pg_sleep(30)"
                    : "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
            long start = System.nanoTime();

            assertThrows(StoreUnavailableException.class, () -> strict.unitOfWork().read(repos ->
                    ((JooqRepositories) repos).dsl().fetch(endless)));

            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 10_000, "cancelled after " + millis + " ms");
            assertEquals(0, strict.database.poolStats().active());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

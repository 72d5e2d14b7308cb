package dev.dbref.persistence;

import dev.dbref.testkit.TestDatabase;
import dev.dbref.domain.model.ExpectedVersion;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.ProductPatch;
import dev.dbref.domain.port.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.dbref.persistence.TestProducts.aProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SQLite allows one writer. Read-then-write transactions from many virtual threads must neither
 * fail with "database is locked" / SQLITE_BUSY nor lose an update: writes queue in the write gate
 * and begin IMMEDIATE, so no transaction ever needs a lock upgrade.
 */
class SqliteConcurrencyTest {
    private static final int THREADS = 64;
    private static final int INCREMENTS_PER_THREAD = 10;

    private DatabaseFixture db;
    private UnitOfWork uow;

    @BeforeEach
    void open() {
        db = DatabaseFixture.fresh(TestDatabase.SQLITE);
        uow = db.unitOfWork();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void concurrent_read_then_write_transactions_never_fail_and_never_lose_an_update() throws Exception {
        long id = uow.write(repos -> repos.products().insert(aProduct().quantity(0).build(), Instant.now())).id();
        List<Future<?>> results = new ArrayList<>();

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < THREADS; t++) {
                results.add(threads.submit(() -> {
                    for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                        uow.write(repos -> {
                            long current = repos.products().findById(id).orElseThrow().quantity();
                            ProductPatch next = new ProductPatch(Change.keep(), Change.keep(), Change.keep(), Change.to(current + 1));
                            return repos.products().update(id, next, ExpectedVersion.any(), Instant.now());
                        });
                    }
                    return null;
                }));
                // Readers alongside the writers: WAL lets them proceed without blocking anyone.
                results.add(threads.submit(() -> uow.read(repos -> repos.products().findById(id))));
            }
            for (Future<?> result : results) {
                result.get();
            }
        }

        long quantity = uow.read(repos -> repos.products().findById(id)).orElseThrow().quantity();
        assertEquals(THREADS * INCREMENTS_PER_THREAD, quantity);
        assertEquals(0, db.database.poolStats().active());
    }
}

package dev.dbref.persistence;

import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.Standby;
import dev.dbref.testkit.Connections;
import dev.dbref.testkit.TlsPostgres;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.persistence.migration.RuntimeRole;
import dev.dbref.persistence.routing.CommitPosition;
import dev.dbref.persistence.routing.ReplicaSettings;
import dev.dbref.persistence.unitofwork.Access;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.repository.JooqRepositories;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.port.Repositories;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.dbref.persistence.TestProducts.aProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads on a real hot standby of the test server, writes on the primary, each proven by
 * {@code pg_is_in_recovery()} where the statement ran: routing, read-your-writes with a lagging
 * standby, a standby that lags too far, one that is gone, and a read cancelled by a recovery conflict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresReplicaTest {
    private Standby standby;

    @BeforeAll
    void startStandby() {
        standby = TlsPostgres.instance().standby("replica_test");
    }

    @AfterAll
    void stopStandby() {
        standby.close();
    }

    private final TestRequests requests = new TestRequests();

    /**
     * A fresh database on the primary, its standby copy, and the service's two pools over them, as
     * production connects: the runtime role over verify-full TLS to both, migrations as the owner.
     */
    private Database open(Duration maxLag) {
        Connections connections = TestDatabase.POSTGRESQL.fresh();
        standby.awaitDatabase(connections.databaseName());
        DatabaseUrl primary = DatabaseUrl.parse(connections.url());
        DatabaseUrl read = DatabaseUrl.parse(TlsPostgres.instance().atPort(connections.url(), standby.port()));
        MigrationSettings migration = MigrationSettings.at(DatabaseUrl.parse(connections.urlForMigrations()))
                .grantingTo(new RuntimeRole(TlsPostgres.APP_ROLE));
        return Database.open(primary, PoolSettings.DEFAULTS.withTimeout(Duration.ofSeconds(5)),
                Database.Options.DEFAULTS.migratingFirst(migration)
                        .readingFrom(new ReplicaSettings(read, Optional.of(2), maxLag, Duration.ofMillis(100)))
                        .serving(requests));
    }

    @Test
    void reads_run_on_the_standby_and_writes_on_the_primary() {
        try (Database db = open(Duration.ofSeconds(10))) {
            boolean wroteInRecovery = db.unitOfWork().write(r -> {
                r.products().insert(aProduct().build(), Instant.now());
                return inRecovery(r);
            });
            assertFalse(wroteInRecovery, "a write ran on a standby");
            Eventually.until("reads reach the standby", () -> db.unitOfWork().<Boolean>read(PostgresReplicaTest::inRecovery));
            assertTrue(db.diagnostics().replicas().orElseThrow().skippedBecause().isEmpty());
        }
    }

    @Test
    void a_read_with_the_token_of_a_write_sees_it_even_while_the_standby_does_not_replay() throws Exception {
        try (Database db = open(Duration.ofSeconds(30))) {
            Eventually.until("reads reach the standby", () -> db.unitOfWork().<Boolean>read(PostgresReplicaTest::inRecovery));
            standby.pauseReplay();
            try {
                TestRequests.Served write = requests.begin(Access.WRITES, Optional.empty());
                db.unitOfWork().write(r -> r.products().insert(aProduct().named("mine").build(), Instant.now()));
                CommitPosition token = write.lastCommitted().orElseThrow();
                requests.end();
                assertTrue(token.lsn() > 0, "a write with standbys names its log position");

                requests.begin(Access.READS, Optional.of(token));
                List<Object> seen = db.unitOfWork().read(r -> List.of(inRecovery(r), r.products().count(ProductFilter.NONE)));
                requests.end();
                assertEquals(List.of(false, 1L), seen, "the paused standby cannot serve it: the primary does");

                requests.begin(Access.READS, Optional.empty());
                assertEquals(List.of(true, 0L), db.unitOfWork().read(r -> List.of(inRecovery(r), r.products().count(ProductFilter.NONE))),
                        "without the token the paused standby serves the read, and does not see the write");
                requests.end();

                standby.resumeReplay();
                requests.begin(Access.READS, Optional.of(token));
                Eventually.until("the standby replays the write and serves the read",
                        () -> db.unitOfWork().<Boolean>read(PostgresReplicaTest::inRecovery));
                assertEquals(1L, (long) db.unitOfWork().read(r -> r.products().count(ProductFilter.NONE)));
                requests.end();
            } finally {
                standby.resumeReplay();
            }
        }
    }

    @Test
    void every_read_of_a_write_request_runs_on_the_primary_even_one_that_writes_nothing() throws Exception {
        try (Database db = open(Duration.ofSeconds(30))) {
            Eventually.until("reads reach the standby", () -> db.unitOfWork().<Boolean>read(PostgresReplicaTest::inRecovery));
            standby.pauseReplay();
            try {
                requests.begin(Access.WRITES, Optional.empty());
                // A PATCH {} reads and writes nothing: its read must still see the primary's rows.
                assertFalse(db.unitOfWork().<Boolean>read(PostgresReplicaTest::inRecovery), "a read of a write request ran on a standby");
            } finally {
                requests.end();
                standby.resumeReplay();
            }
        }
    }

    @Test
    void a_standby_lagging_more_than_the_limit_is_skipped_until_it_catches_up() throws Exception {
        try (Database db = open(Duration.ofMillis(500))) {
            Eventually.until("reads reach the standby", () -> db.unitOfWork().<Boolean>read(PostgresReplicaTest::inRecovery));
            standby.pauseReplay();
            try {
                // The primary moves on; the paused standby falls ever further behind.
                Eventually.until("the standby is skipped", () -> {
                    db.unitOfWork().write(r -> r.products().insert(aProduct().build(), Instant.now()));
                    return db.diagnostics().replicas().orElseThrow().skippedBecause().isPresent();
                });
                String reason = db.diagnostics().replicas().orElseThrow().skippedBecause().orElseThrow();
                assertTrue(reason.contains("lags") && reason.contains("DB_REPLICA_MAX_LAG"), reason);
                assertFalse(db.unitOfWork().<Boolean>read(PostgresReplicaTest::inRecovery), "a read went to the lagging standby");
            } finally {
                standby.resumeReplay();
            }
            Eventually.until("reads return to the standby", () -> db.unitOfWork().<Boolean>read(PostgresReplicaTest::inRecovery));
        }
    }

    @Test
    void a_read_cancelled_by_a_recovery_conflict_on_the_standby_runs_again_on_the_primary() throws Exception {
        try (Database db = open(Duration.ofSeconds(30))) {
            db.unitOfWork().write(r -> r.products().insert(aProduct().build(), Instant.now()));
            Eventually.until("the standby has the row", () -> db.unitOfWork().<Boolean>read(r ->
                    inRecovery(r) && r.products().count(ProductFilter.NONE) == 1));
            List<Boolean> attempts = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> db.unitOfWork().read(r -> {
                attempts.add(inRecovery(r));
                // Holds a lock on products on the standby until replay needs it.
                return ((JooqRepositories) r).dsl().fetchValue(DSL.field(
                        "(SELECT count(*) FROM products, pg_sleep(CASE WHEN pg_is_in_recovery() THEN 20 ELSE 0 END))", Long.class));
            }), task -> Thread.ofVirtual().start(task));
            Eventually.until("the read runs on the standby", () -> attempts.contains(true));
            String name = currentDatabase(db);
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:"
                    + TlsPostgres.instance().port() + "/" + name + "?sslmode=disable", "postgres", "");
                 Statement s = c.createStatement()) {
                // An exclusive lock, replayed on the standby, conflicts with the read's lock there.
                s.execute("BEGIN; LOCK TABLE products IN ACCESS EXCLUSIVE MODE; COMMIT");
            }
            assertEquals(1L, read.get(30, TimeUnit.SECONDS));
            assertEquals(List.of(true, false), attempts, "once on the standby, cancelled, then once on the primary");
        }
    }

    private static String currentDatabase(Database db) {
        return db.unitOfWork().write(r -> ((JooqRepositories) r).dsl().fetchValue(DSL.field("current_database()", String.class)));
    }

    @Test
    void every_pool_names_this_instance_in_pg_stat_activity() {
        try (Database db = open(Duration.ofSeconds(30))) {
            String primary = db.unitOfWork().write(PostgresReplicaTest::applicationName);
            assertTrue(primary.matches("dbref/.+/" + ProcessHandle.current().pid()), primary);
            Eventually.until("reads reach the standby", () -> db.unitOfWork().<Boolean>read(PostgresReplicaTest::inRecovery));
            assertEquals(primary + "/replica", db.unitOfWork().read(PostgresReplicaTest::applicationName));
        }
    }

    private static String applicationName(Repositories repositories) {
        return ((JooqRepositories) repositories).dsl().fetchValue(DSL.field("current_setting('application_name')", String.class));
    }

    private static boolean inRecovery(Repositories repositories) {
        return ((JooqRepositories) repositories).dsl().fetchValue(DSL.field("pg_is_in_recovery()", Boolean.class));
    }
}

package dev.dbref.persistence;

import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.Owner;
import dev.dbref.domain.model.PostDraft;
import dev.dbref.domain.model.PostPatch;
import dev.dbref.domain.model.Scope;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserDraft;
import dev.dbref.domain.model.UserPatch;
import dev.dbref.domain.port.Repositories;
import dev.dbref.domain.port.UnitOfWork;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.persistence.repository.JooqRepositories;
import dev.dbref.testkit.PgBouncer;
import dev.dbref.testkit.PostgresServer;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL's row-level security refuses what the domain would refuse, even when the domain's
 * check is bypassed: repository calls in a unit of work bound to caller B change none of caller
 * A's rows. The tables' owner, not a superuser, runs the service here, so FORCE is what binds it.
 * Through PgBouncer in transaction mode, a server connection carries no caller into the next
 * transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRowLevelSecurityTest {
    private static final String ROLE = "rls_owner";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Caller ADA = new Caller.Authenticated("ada", Set.of(Scope.USERS_WRITE));
    private static final Caller BOB = new Caller.Authenticated("bob", Set.of(Scope.USERS_WRITE));
    private static final Caller ADMIN = new Caller.Authenticated("root", Set.of(Scope.ADMIN));

    private String database;
    private PgBouncer bouncer;

    @BeforeAll
    void createOwnerAndDatabase() throws Exception {
        database = "dbref_rls_" + ProcessHandle.current().pid();
        try (Connection c = PostgresServer.INSTANCE.admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("DROP ROLE IF EXISTS " + ROLE);
            s.execute("CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER");
            s.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
        }
        // One server connection: every transaction through it shares the same backend.
        bouncer = PgBouncer.start(PostgresServer.INSTANCE.hostPort(), ROLE, "", 1);
    }

    @AfterAll
    void stopBouncer() {
        bouncer.close();
    }

    private String direct() {
        return "postgresql://" + ROLE + "@" + PostgresServer.INSTANCE.hostPort() + "/" + database;
    }

    private Database open(String url) {
        return Database.open(DatabaseUrl.parse(url), PoolSettings.DEFAULTS.withMaxSize(2).withTimeout(Duration.ofSeconds(10)),
                Database.Options.DEFAULTS.migratingFirst(MigrationSettings.at(DatabaseUrl.parse(direct()))));
    }

    private static User adasUser(UnitOfWork uow, String name) {
        return uow.actingFor(ADA).write(r -> r.users().insert(new UserDraft(name + "@example.com", name, null),
                new Owner.Subject("ada"), NOW));
    }

    private static UserPatch rename(String to) {
        return new UserPatch(Change.keep(), Change.to(to), Change.keep());
    }

    @Test
    void another_callers_transaction_changes_none_of_adas_rows_even_past_the_domain() {
        try (Database db = open(direct())) {
            UnitOfWork uow = db.unitOfWork();
            User ada = adasUser(uow, "ada_direct");
            long post = uow.actingFor(ADA).write(r -> r.posts().insert(ada.id(), new PostDraft("mine", null), NOW)).id();

            assertEquals(Optional.empty(), uow.actingFor(BOB).write(r -> r.users().update(ada.id(), rename("bob"), NOW)));
            assertFalse(uow.actingFor(BOB).<Boolean>write(r -> r.users().delete(ada.id())));
            assertEquals(Optional.empty(), uow.actingFor(BOB).write(r -> r.posts().update(post,
                    new PostPatch(Change.to("taken"), Change.keep()), NOW)));
            assertFalse(uow.actingFor(BOB).<Boolean>write(r -> r.posts().delete(post)));
            assertThrows(RuntimeException.class, () -> uow.actingFor(BOB).write(r ->
                    r.posts().insert(ada.id(), new PostDraft("planted", null), NOW)), "a post under ada's user");
            assertThrows(RuntimeException.class, () -> uow.actingFor(BOB).write(r ->
                    r.users().insert(new UserDraft("fake@example.com", "fake", null), new Owner.Subject("ada"), NOW)),
                    "a user in ada's name");
            assertEquals(Optional.empty(), uow.write(r -> r.users().update(ada.id(), rename("nobody"), NOW)),
                    "a transaction that forgot to bind its caller cannot touch an owned row");

            assertEquals("ada", uow.read(r -> r.users().findById(ada.id())).orElseThrow().username().substring(0, 3));
            assertEquals(1L, (long) uow.read(r -> r.posts().count(dev.dbref.domain.model.PostFilter.NONE)), "everyone may read");
            assertTrue(uow.actingFor(ADA).write(r -> r.users().update(ada.id(), rename("ada_renamed"), NOW)).isPresent());
            assertTrue(uow.actingFor(ADMIN).<Boolean>write(r -> r.posts().delete(post)), "admin may");
        }
    }

    @Test
    void through_pgbouncer_a_connection_returned_to_the_pool_carries_no_caller_into_the_next_transaction() {
        try (Database db = open(bouncer.urlOf(direct(), "?pgbouncer=true"))) {
            UnitOfWork uow = db.unitOfWork();
            User ada = adasUser(uow, "ada_bounced");
            int adasBackend = uow.actingFor(ADA).write(r -> {
                assertEquals("ada", setting(r, "app.subject"));
                return backend(r);
            });
            for (int i = 0; i < 5; i++) {
                int backend = uow.write(r -> {
                    assertEquals("", setting(r, "app.subject"), "the caller leaked into the next transaction");
                    return backend(r);
                });
                assertEquals(adasBackend, backend, "PgBouncer's one server connection served both");
                assertEquals(Optional.empty(), uow.write(r -> r.users().update(ada.id(), rename("leak"), NOW)));
                assertEquals(Optional.empty(), uow.actingFor(BOB).write(r -> r.users().update(ada.id(), rename("bob"), NOW)));
            }
            assertTrue(uow.actingFor(ADA).write(r -> r.users().update(ada.id(), rename("ada_again"), NOW)).isPresent());
        }
    }

    /** The policies' settings are initPlans, evaluated once: an update by id still seeks the primary key. */
    @Test
    void the_policies_leave_the_indexes_usable() throws Exception {
        try (Database db = open(direct())) {
            UnitOfWork uow = db.unitOfWork();
            uow.actingFor(ADA).write(r -> {
                for (int i = 0; i < 2000; i++) {
                    r.users().insert(new UserDraft("many" + i + "@example.com", "many" + i, null), new Owner.Subject("ada"), NOW);
                }
                return null;
            });
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://" + PostgresServer.INSTANCE.hostPort()
                    + "/" + database, ROLE, ""); Statement s = c.createStatement()) {
                s.execute("ANALYZE users");
            }
            String plan = uow.actingFor(ADA).write(r -> String.join("\n", ((JooqRepositories) r).dsl()
                    .fetch("EXPLAIN UPDATE users SET username = 'x' WHERE id = 1000").getValues(0, String.class)));
            assertTrue(plan.contains("Index Scan using users_pk"), plan);
            assertTrue(plan.contains("InitPlan"), "the settings are read once per statement:\n" + plan);
            assertFalse(plan.contains("Seq Scan"), plan);
        }
    }

    private static String setting(Repositories r, String name) {
        String value = ((JooqRepositories) r).dsl().fetchValue(DSL.field("current_setting({0}, true)", String.class, DSL.val(name)));
        return value == null ? "" : value;
    }

    private static int backend(Repositories r) {
        return ((JooqRepositories) r).dsl().fetchValue(DSL.field("pg_backend_pid()", Integer.class));
    }
}

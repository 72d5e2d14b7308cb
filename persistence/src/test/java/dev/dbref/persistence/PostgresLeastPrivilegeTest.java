package dev.dbref.persistence;

import dev.dbref.persistence.connection.DatabaseRole;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.ServerCheck;
import dev.dbref.persistence.migration.MigrationReport;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.persistence.migration.RuntimeRole;
import dev.dbref.testkit.Connections;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.TlsPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Least privilege on a real PostgreSQL, with the roles of README's "Production roles": migrations
 * run as the owner and grant {@code DB_APP_ROLE} rows and sequences, and nothing else; the
 * runtime role cannot change the schema, empty a table or read another schema.
 */
class PostgresLeastPrivilegeTest {
    /** PostgreSQL's answer to DDL by a non-owner and to a missing privilege alike. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final AtomicInteger ROLES = new AtomicInteger();

    private static TlsPostgres server;
    private static Connections production;

    @BeforeAll
    static void migrateAsTheOwner() {
        server = TlsPostgres.instance();
        production = server.leastPrivileged();
        migrate(production, true);
    }

    private static MigrationReport migrate(Connections connections, boolean granting) {
        MigrationSettings owner = MigrationSettings.at(DatabaseUrl.parse(connections.urlForMigrations()));
        return Database.migrate(granting ? owner.grantingTo(new RuntimeRole(connections.runtimeRole().orElseThrow())) : owner);
    }

    private static Connection asRuntimeRole(Connections connections) throws SQLException {
        return TestDatabase.connect(connections.url());
    }

    private static Connection asOwner(Connections connections) throws SQLException {
        return TestDatabase.connect(connections.urlForMigrations());
    }

    @Test
    void the_runtime_role_reads_and_writes_rows_and_uses_their_sequences() throws SQLException {
        try (Connection c = asRuntimeRole(production); Statement s = c.createStatement()) {
            s.execute("INSERT INTO users (email, email_key, username, created_at, updated_at) "
                    + "VALUES ('ada-lp@example.com', 'ada-lp@example.com', 'ada', now(), now())");
            s.execute("UPDATE users SET full_name = 'Ada L.' WHERE email = 'ada-lp@example.com'");
            try (ResultSet rs = s.executeQuery("SELECT full_name FROM users WHERE email = 'ada-lp@example.com'")) {
                assertTrue(rs.next());
                assertEquals("Ada L.", rs.getString(1));
            }
            assertEquals(1, s.executeUpdate("DELETE FROM users WHERE email = 'ada-lp@example.com'"));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
                assertTrue(rs.next(), "the service reads Flyway's history to tell whether the schema is behind");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE intruder (id int)",
            "DROP TABLE products",
            "ALTER TABLE products ADD COLUMN intruder int",
            "CREATE INDEX intruder ON products (name)",
            "TRUNCATE products",
            "TRUNCATE users CASCADE",
            "CREATE SCHEMA intruder",
            "CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            "DELETE FROM flyway_schema_history",
            "UPDATE flyway_schema_history SET success = false",
            "ALTER TABLE products OWNER TO dbref_app"})
    void the_runtime_role_may_not_change_the_schema_empty_a_table_or_its_history(String sql) throws SQLException {
        try (Connection c = asRuntimeRole(production); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
            assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(),
                    sql + " was refused for another reason: " + refused.getMessage());
        }
    }

    @Test
    void the_runtime_role_cannot_read_another_schema() throws SQLException {
        try (Connection c = asOwner(production); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS internal");
            s.execute("CREATE TABLE IF NOT EXISTS internal.audit (id int)");
        }
        try (Connection c = asRuntimeRole(production); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM internal.audit"));
            assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState());
        }
    }

    @Test
    void a_table_a_later_migration_adds_is_reachable() throws SQLException {
        Connections connections = server.leastPrivileged();
        migrate(connections, true);
        // What a later migration does: the owner creates a table (with a sequence) in the schema.
        try (Connection c = asOwner(connections); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE later_feature (id bigserial PRIMARY KEY, note text NOT NULL)");
        }
        try (Connection c = asRuntimeRole(connections); Statement s = c.createStatement()) {
            s.execute("INSERT INTO later_feature (note) VALUES ('reachable')");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM later_feature")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            assertThrows(SQLException.class, () -> s.execute("TRUNCATE later_feature"));
        }
        assertEquals(0, migrate(connections, true).applied(), "migrating again changes nothing and still succeeds");
    }

    @Test
    void without_a_runtime_role_nothing_is_granted_and_a_role_named_later_gets_its_rights_on_the_next_migrate()
            throws SQLException {
        Connections connections = server.leastPrivileged();
        migrate(connections, false);
        String late = "late_app_" + ProcessHandle.current().pid() + "_" + ROLES.incrementAndGet();
        String database = connections.url().replaceAll(".*/([^/?]+)\\?.*", "$1");
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + late + " LOGIN");
            s.execute("GRANT CONNECT ON DATABASE " + database + " TO " + late);
        }
        String lateUrl = "postgresql://" + late + "@localhost:" + server.port() + "/" + database + "?sslmode=disable";
        try (Connection c = TestDatabase.connect(lateUrl); Statement s = c.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.executeQuery("SELECT count(*) FROM products"));
            assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), "a migration without DB_APP_ROLE grants nothing");
        }
        MigrationSettings owner = MigrationSettings.at(DatabaseUrl.parse(connections.urlForMigrations()));
        assertEquals(0, Database.migrate(owner.grantingTo(new RuntimeRole(late))).applied());
        try (Connection c = TestDatabase.connect(lateUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM products")) {
            assertTrue(rs.next());
        }
    }

    @Test
    void a_runtime_role_that_does_not_exist_stops_the_migration_with_one_line() {
        Connections connections = server.leastPrivileged();
        MigrationSettings owner = MigrationSettings.at(DatabaseUrl.parse(connections.urlForMigrations()));
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> Database.migrate(owner.grantingTo(new RuntimeRole("nobody_by_that_name"))));
        assertEquals("migration failed: DB_APP_ROLE names the role nobody_by_that_name, which does not exist; "
                + "create it first (README, \"Production roles\")", e.getMessage());
    }

    @Test
    void instances_that_migrate_at_once_all_grant_without_failing() throws Exception {
        Connections connections = server.leastPrivileged();
        List<Callable<MigrationReport>> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(() -> migrate(connections, true));
        }
        int applied = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(instances.size())) {
            for (Future<MigrationReport> done : pool.invokeAll(instances)) {
                applied += done.get().applied();
            }
        }
        int all = migrate(server.leastPrivileged(), true).applied();
        assertEquals(all, applied, "one instance applied each of the " + all + " migrations");
        try (Connection c = asRuntimeRole(connections); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM idempotency_keys")) {
            assertTrue(rs.next());
        }
    }

    @Test
    void check_tells_the_runtime_role_from_the_owner_and_a_superuser() {
        DatabaseRole runtime = ServerCheck.role(DatabaseUrl.parse(production.url()));
        DatabaseRole.Postgres app = assertInstanceOf(DatabaseRole.Postgres.class, runtime);
        assertEquals(DatabaseRole.Standing.RUNTIME, app.standing());
        assertEquals(List.of("SELECT", "INSERT", "UPDATE", "DELETE"), app.privileges());
        assertEquals(4, app.tables());
        assertEquals(DatabaseRole.SchemaCreate.REFUSED, app.mayCreate());
        assertEquals("dbref_app: SELECT, INSERT, UPDATE, DELETE on all 4 tables of schema public; "
                + "may not create objects in the schema", runtime.describe());
        assertTrue(runtime.warning().isEmpty());

        DatabaseRole owner = ServerCheck.role(DatabaseUrl.parse(production.urlForMigrations()));
        assertEquals(DatabaseRole.Standing.OWNER, assertInstanceOf(DatabaseRole.Postgres.class, owner).standing());
        assertTrue(owner.warning().orElseThrow().contains("as the owner of the application's tables (dbref_owner)"),
                owner.warning().orElseThrow());

        String database = production.url().replaceAll(".*/([^/?]+)\\?.*", "$1");
        DatabaseRole superuser = ServerCheck.role(DatabaseUrl.parse(
                "postgresql://postgres@localhost:" + server.port() + "/" + database + "?sslmode=disable"));
        assertEquals(DatabaseRole.Standing.SUPERUSER, assertInstanceOf(DatabaseRole.Postgres.class, superuser).standing());
        assertTrue(superuser.warning().orElseThrow().contains("as a superuser (postgres)"));
    }

    @Test
    void the_runtime_role_cannot_log_in_without_tls() {
        String clear = production.url().replace("sslmode=verify-full", "sslmode=disable");
        assertThrows(SQLException.class, () -> TestDatabase.connect(clear).close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"app; DROP TABLE products", "App", "1app", "\"app\"", ""})
    void a_runtime_role_name_that_is_not_a_plain_identifier_is_refused(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RuntimeRole(name));
        assertTrue(e.getMessage().startsWith("DB_APP_ROLE must be a PostgreSQL role name"));
    }
}

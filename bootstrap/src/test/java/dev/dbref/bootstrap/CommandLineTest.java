package dev.dbref.bootstrap;

import dev.dbref.testkit.Connections;
import dev.dbref.testkit.Http;
import dev.dbref.testkit.PostgresServer;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.TlsPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check} and {@code migrate}: a clear report on success, one clear line and a non-zero exit on failure. */
class CommandLineTest {
    private static final String PASSWORD = "hunter2-Secret";

    private record Outcome(int code, String out, String err, long millis) {
        void assertOneLineFailure(String expected) {
            assertTrue(code != 0, "exit code " + code);
            assertEquals("", out);
            assertEquals(1, err.strip().lines().count(), err);
            assertTrue(err.contains(expected), err);
            assertFalse(err.contains(PASSWORD), err);
            assertFalse(err.contains("\tat "), "stack trace: " + err);
            assertTrue(millis < 15_000, "took " + millis + " ms");
        }
    }

    private static Outcome run(String command, String databaseUrl) {
        return run(command, Map.of("DATABASE_URL", databaseUrl));
    }

    private static Outcome run(String command, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code = Main.run(new String[] {command}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void check_reports_dialect_version_and_round_trip_on_sqlite() {
        Outcome o = run("check", TestDatabase.SQLITE.freshUrl());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("dialect:        sqlite"), o.out());
        assertTrue(o.out().matches("(?s).*server version: 3\\.\\d+.*"), o.out());
        assertTrue(o.out().matches("(?s).*round trip:     [0-9.]+ ms.*"), o.out());
    }

    @Test
    void check_reports_dialect_version_and_round_trip_on_postgresql_without_the_password() {
        Outcome o = run("check", PostgresServer.INSTANCE.passwordProtectedUrl("check_user", PASSWORD));
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("dialect:        postgresql"), o.out());
        assertTrue(o.out().matches("(?s).*max_connections: \\d+ \\(\\d+ reserved, \\d+ in use, \\d+ free\\).*"), o.out());
        assertTrue(o.out().matches("(?s).*instances that still fit with a pool of 10: \\d+.*"), o.out());
        assertTrue(o.out().matches("(?s).*server version: \\d+\\.\\d+.*"), o.out());
        assertFalse(o.out().contains(PASSWORD), o.out());
    }

    @Test
    void check_says_whether_the_connection_is_encrypted_with_its_protocol_and_cipher() {
        TlsPostgres tls = TlsPostgres.instance();
        String base = "postgresql://postgres@localhost:" + tls.port() + "/" + tls.createDatabase();
        Outcome verified = run("check", base + "?sslmode=verify-full&sslrootcert=" + tls.rootCertificate());
        assertEquals(0, verified.code(), verified.err());
        assertTrue(verified.out().matches("(?s).*connection:     encrypted, TLSv1\\.[23] with \\S+.*"), verified.out());
        Outcome clear = run("check", base + "?sslmode=disable");
        assertTrue(clear.out().contains("connection:     not encrypted"), clear.out());
        assertFalse(clear.out().contains("warning: the connection"), "no clear-text warning on this machine: " + clear.out());
        assertTrue(run("check", TestDatabase.SQLITE.freshUrl()).out().contains("connection:     in process"));
    }

    @Test
    void verify_full_against_the_wrong_host_name_or_another_ca_fails_in_one_line_naming_which() {
        TlsPostgres tls = TlsPostgres.instance();
        String database = tls.createDatabase();
        run("check", "postgresql://postgres@127.0.0.1:" + tls.port() + "/" + database + "?sslmode=verify-full&sslrootcert="
                + tls.rootCertificate()).assertOneLineFailure("does not match the host name");
        run("check", "postgresql://postgres@localhost:" + tls.port() + "/" + database + "?sslmode=verify-full&sslrootcert="
                + tls.strangerRootCertificate()).assertOneLineFailure("not signed by a certificate authority in sslrootcert");
    }

    @Test
    void migrate_grants_the_runtime_role_and_check_reports_what_each_role_may_do() {
        Connections production = TlsPostgres.instance().leastPrivileged();
        Outcome migrated = run("migrate", production.env());
        assertEquals(0, migrated.code(), migrated.err());
        assertTrue(migrated.out().contains("granted dbref_app SELECT, INSERT, UPDATE and DELETE on the application's tables"),
                migrated.out());

        Outcome runtime = run("check", production.env());
        assertEquals(0, runtime.code(), runtime.err());
        assertTrue(runtime.out().contains("role:           dbref_app: SELECT, INSERT, UPDATE, DELETE on all 4 tables of "
                + "schema public; may not create objects in the schema"), runtime.out());
        assertTrue(runtime.out().contains("connection:     encrypted"), runtime.out());
        assertFalse(runtime.out().contains("warning"), runtime.out());

        Outcome owner = run("check", production.urlForMigrations());
        assertTrue(owner.out().contains("role:           dbref_owner (owner of the tables): "), owner.out());
        assertEquals(1, owner.out().lines().filter(line -> line.startsWith("warning: the service connects to the database "
                + "as the owner of the application's tables (dbref_owner)")).count(), owner.out());
        for (Outcome o : List.of(migrated, runtime, owner)) {
            assertFalse(o.out().contains("p@ss"), "no password in the output: " + o.out());
        }
    }

    @Test
    void migrate_applies_pending_migrations_once() {
        Map<String, String> production = TestDatabase.POSTGRESQL.fresh().env();
        Outcome first = run("migrate", production);
        Outcome second = run("migrate", production);

        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("applied ") && !first.out().startsWith("applied 0"), first.out());
        assertTrue(second.out().startsWith("applied 0 migration(s)"), second.out());
    }

    @Test
    void a_wrong_password_is_one_clear_line() {
        String good = PostgresServer.INSTANCE.passwordProtectedUrl("wrong_pw_user", "right-one");
        run("check", good.replace("right-one", PASSWORD)).assertOneLineFailure("authentication failed");
    }

    /**
     * libpq and SQLAlchemy read the user information of a URL as a URI does: {@code +} is a plus,
     * {@code %XX} a byte of UTF-8. Each password logs in for real, also when the service migrates and serves.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "p+ss            | p+ss",
            "a+b             | a%2Bb",
            "100% sure       | 100%25%20sure",
            "at@sign         | at%40sign",
            "co:lon/sl?h#    | co%3Alon%2Fsl%3Fh%23",
            "Grüße€          | Gr%C3%BC%C3%9Fe%E2%82%AC",
            "Grüße€          | Grüße€"})
    void passwords_with_uri_special_characters_log_in(String password, String encoded) {
        String role = "pw_" + Integer.toHexString((password + encoded).hashCode() & 0xfffffff);
        String plain = PostgresServer.INSTANCE.passwordProtectedUrl(role, password);
        String url = plain.replace(":" + password + "@", ":" + encoded + "@");
        assertTrue(url.contains(":" + encoded + "@"), url);

        Outcome check = run("check", url);
        assertEquals(0, check.code(), check.err());
        assertEquals(0, run("migrate", url).code());
        assertFalse(check.out().contains(password) || check.out().contains(encoded), check.out());
    }

    @Test
    void an_unknown_host_is_one_clear_line() {
        run("check", "postgresql://app:" + PASSWORD + "@no-such-host.invalid:5432/db").assertOneLineFailure("unknown database host");
    }

    @Test
    void a_refused_port_is_one_clear_line() {
        run("check", "postgresql://app:" + PASSWORD + "@127.0.0.1:1/db").assertOneLineFailure("connection refused");
    }

    @Test
    void an_unknown_database_is_one_clear_line() {
        String hostPort = PostgresServer.INSTANCE.hostPort();
        run("check", "postgresql://postgres:" + PASSWORD + "@" + hostPort + "/no_such_db").assertOneLineFailure("does not exist");
    }

    @Test
    void an_unsupported_url_is_a_configuration_error_naming_the_supported_ones() {
        Outcome o = run("check", "mysql://root:" + PASSWORD + "@localhost/db");
        o.assertOneLineFailure("supported:");
        assertEquals(Main.USAGE, o.code());
    }

    @Test
    void serve_with_an_unreachable_database_exits_with_one_line() {
        run("serve", "postgresql://app:" + PASSWORD + "@127.0.0.1:1/db").assertOneLineFailure("connection refused");
    }

    @Test
    void migrate_and_check_create_the_missing_folders_of_a_sqlite_file_relative_or_absolute() throws Exception {
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("dbref-folders");
        // SQLAlchemy's form: three slashes, then an absolute path.
        String absolute = "sqlite:///" + root.resolve("new/deeper/app.db");
        assertEquals(0, run("migrate", absolute).code());
        assertTrue(java.nio.file.Files.isRegularFile(root.resolve("new/deeper/app.db")));
        // Relative to the working directory, as README's sqlite:./data/app.db and SQLAlchemy's sqlite:///data/app.db.
        String relative = "target/fresh-" + System.nanoTime() + "/data/app.db";
        Outcome check = run("check", "sqlite:./" + relative);
        assertEquals(0, check.code(), check.err());
        assertEquals(0, run("migrate", "sqlite:./" + relative).code());
        assertTrue(java.nio.file.Files.isRegularFile(java.nio.file.Path.of(relative)));
        String alchemy = "target/fresh-" + System.nanoTime() + "/data/app.db";
        assertEquals(0, run("migrate", "sqlite:///" + alchemy).code());
        assertTrue(java.nio.file.Files.isRegularFile(java.nio.file.Path.of(alchemy)));
    }

    @Test
    void a_sqlite_folder_that_cannot_be_created_is_one_line_naming_it() throws Exception {
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("dbref-folders");
        java.nio.file.Files.writeString(root.resolve("taken"), "a file where a folder should be");
        String url = "sqlite:///" + root.resolve("taken/data/app.db");
        run("migrate", url).assertOneLineFailure("cannot create the folder " + root.resolve("taken/data"));
        run("serve", url).assertOneLineFailure(root.resolve("taken") + " is a file, not a folder");
    }

    @Test
    void an_unknown_command_prints_usage_and_fails() {
        Outcome o = run("frobnicate", "sqlite::memory:");
        assertEquals(Main.USAGE, o.code());
        assertTrue(o.err().contains("usage: dbref"), o.err());
    }

    @Test
    void an_instance_whose_schema_is_behind_is_not_ready_until_migrate_runs() throws Exception {
        Connections production = TestDatabase.POSTGRESQL.fresh();
        try (Application app = TestServers.start(production, Map.of("MIGRATE_ON_START", "false"))) {
            Http http = new Http(app.port());
            Http.Reply health = http.get("/observe/health");
            assertEquals(503, health.status(), health.toString());
            String reason = health.json().get("checks").get(0).get("data").get("reason").asText();
            assertTrue(reason.contains("migration(s) pending") && reason.contains("migrate"), reason);

            assertEquals(0, run("migrate", production.env()).code());
            Eventually.await("ready once migrated", java.time.Duration.ofSeconds(30),
                    () -> http.get("/observe/health").status() == 200);
        }
    }
}

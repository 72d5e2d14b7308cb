package dev.dbref.persistence;

import dev.dbref.persistence.connection.DatabaseUnreachableException;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.connection.ServerCheck;
import dev.dbref.persistence.connection.Transport;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.testkit.TlsPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS as libpq means it, against a real PostgreSQL with {@code ssl=on} and a certificate from a
 * CA the test made: every {@code sslmode}, a wrong host name, another CA, a client certificate.
 * What the connection really is, encrypted or not, is what the server says ({@code pg_stat_ssl}).
 */
class PostgresTlsTest {
    private static TlsPostgres server;
    private static String database;

    @BeforeAll
    static void start() {
        server = TlsPostgres.instance();
        database = server.createDatabase();
    }

    private static String url(String host, String query) {
        return "postgresql://postgres@" + host + ":" + server.port() + "/" + database + query;
    }

    private static Transport transportOf(String url) {
        return ServerCheck.reach(DatabaseUrl.parse(url)).transport();
    }

    private static String failureOf(String url) {
        return assertThrows(DatabaseUnreachableException.class, () -> ServerCheck.reach(DatabaseUrl.parse(url))).getMessage();
    }

    @ParameterizedTest(name = "sslmode={0}: {1}")
    @CsvSource({
            "disable, clear",
            "allow, clear",       // libpq: clear text first, TLS only if the server insists
            "prefer, tls",        // the default: TLS when offered, no certificate checked
            "require, tls",
            "verify-ca, tls",
            "verify-full, tls"})
    void every_sslmode_connects_as_libpq_would(String mode, String expected) {
        Transport transport = transportOf(url("localhost", "?sslmode=" + mode + "&sslrootcert=" + server.rootCertificate()));
        if (expected.equals("tls")) {
            Transport.Tls tls = assertInstanceOf(Transport.Tls.class, transport);
            assertTrue(tls.protocol().startsWith("TLSv1."), tls.toString());
            assertFalse(tls.cipher().isBlank());
        } else {
            assertInstanceOf(Transport.Clear.class, transport);
        }
    }

    @Test
    void without_sslmode_the_default_is_prefer_and_takes_tls_without_checking_the_certificate() {
        assertInstanceOf(Transport.Tls.class, transportOf(url("localhost", "")));
        assertInstanceOf(Transport.Tls.class, transportOf(url("localhost", "?sslrootcert=" + server.strangerRootCertificate())));
    }

    @Test
    void verify_full_refuses_a_host_name_the_certificate_does_not_carry_in_one_line() {
        String message = failureOf(url("127.0.0.1", "?sslmode=verify-full&sslrootcert=" + server.rootCertificate()));
        assertEquals("TLS: the server's certificate does not match the host name in the URL (sslmode=verify-full)", message);
        // verify-ca checks the signature only: the same host is fine.
        assertInstanceOf(Transport.Tls.class, transportOf(url("127.0.0.1", "?sslmode=verify-ca&sslrootcert=" + server.rootCertificate())));
    }

    @Test
    void a_certificate_signed_by_another_ca_is_refused_in_one_line_and_never_falls_back_to_clear_text() {
        for (String mode : new String[] {"verify-ca", "verify-full", "require"}) {
            String message = failureOf(url("localhost", "?sslmode=" + mode + "&sslrootcert=" + server.strangerRootCertificate()));
            assertEquals("TLS: the server's certificate is not signed by a certificate authority in sslrootcert", message, mode);
        }
    }

    @Test
    void a_missing_root_certificate_file_is_named_as_such() {
        String message = failureOf(url("localhost", "?sslmode=verify-full&sslrootcert=/nonexistent/root.crt"));
        assertEquals("TLS: the sslrootcert file cannot be read", message);
    }

    @Test
    void a_role_that_must_show_a_client_certificate_logs_in_with_one_and_only_with_one() {
        var client = server.clientCertificate();
        String base = "postgresql://" + TlsPostgres.CERTIFICATE_ROLE + "@localhost:" + server.port() + "/" + database
                + "?sslmode=verify-full&sslrootcert=" + server.rootCertificate();
        assertInstanceOf(Transport.Tls.class, transportOf(base + "&sslcert=" + client.certificate() + "&sslkey=" + client.key()));
        assertEquals("TLS: the server requires a valid client certificate (sslcert and sslkey in the URL)",
                failureOf(base + "&sslcert=" + server.strangerRootCertificate().resolveSibling("none.crt")));
        assertEquals("TLS: the sslcert file cannot be read",
                failureOf(base + "&sslcert=/nonexistent/client.crt&sslkey=/nonexistent/client.key"));
    }

    @Test
    void an_unknown_sslmode_is_refused_when_the_url_is_read() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse(url("localhost", "?sslmode=verify_full")));
        assertEquals("DATABASE_URL has an unknown sslmode; libpq's values are disable, allow, prefer, require, "
                + "verify-ca, verify-full", e.getMessage());
    }

    @Test
    void the_pool_migrations_and_units_of_work_run_over_verify_full() {
        DatabaseUrl url = DatabaseUrl.parse(url("localhost", "?sslmode=verify-full&sslrootcert=" + server.rootCertificate()));
        try (Database db = Database.open(url, PoolSettings.DEFAULTS.withTimeout(Duration.ofSeconds(10)),
                Database.Options.DEFAULTS.migratingFirst(MigrationSettings.at(url)))) {
            long count = db.unitOfWork().read(repos -> repos.products().count(ProductFilter.NONE));
            assertEquals(0, count);
        }
    }
}

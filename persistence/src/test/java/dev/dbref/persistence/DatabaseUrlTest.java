package dev.dbref.persistence;

import dev.dbref.persistence.connection.ApplicationName;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.Dialect;
import dev.dbref.persistence.connection.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUrlTest {

    @Test
    void sqlite_path_forms_map_to_the_same_jdbc_url() {
        assertEquals("jdbc:sqlite:./app.db", DatabaseUrl.parse("sqlite:./app.db").jdbcUrl());
        assertEquals("jdbc:sqlite:./app.db", DatabaseUrl.parse("sqlite:///./app.db").jdbcUrl());
        assertEquals("jdbc:sqlite:/var/data/app.db", DatabaseUrl.parse("sqlite:////var/data/app.db").jdbcUrl());
        assertEquals("jdbc:sqlite:app.db", DatabaseUrl.parse("jdbc:sqlite:app.db").jdbcUrl());
        assertEquals(Dialect.SQLITE, DatabaseUrl.parse("sqlite:./app.db").dialect());
    }

    @Test
    void sqlite_memory_is_recognised() {
        assertTrue(DatabaseUrl.parse("sqlite::memory:").inMemory());
        assertFalse(DatabaseUrl.parse("sqlite:./app.db").inMemory());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "postgres", "postgresql+psycopg2", "postgresql+asyncpg"})
    void postgresql_schemes_move_credentials_out_of_the_url(String scheme) {
        DatabaseUrl url = DatabaseUrl.parse(scheme + "://app:s%40cret@db.example:5433/shop?sslmode=disable");

        assertEquals(Dialect.POSTGRESQL, url.dialect());
        assertEquals("jdbc:postgresql://db.example:5433/shop?sslmode=disable", url.jdbcUrl());
        assertEquals("app", url.user().orElseThrow());
        assertEquals("s@cret", url.password().orElseThrow());
    }

    @Test
    void jdbc_postgresql_urls_pass_through() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/db?user=a&password=hunter2");
        assertEquals(Dialect.POSTGRESQL, url.dialect());
        assertEquals("jdbc:postgresql://localhost/db?user=a&password=hunter2", url.jdbcUrl());
    }

    @Test
    void to_string_never_shows_the_password() {
        assertFalse(DatabaseUrl.parse("postgresql://app:hunter2@localhost/db").toString().contains("hunter2"));
        assertFalse(DatabaseUrl.parse("jdbc:postgresql://localhost/db?user=a&password=hunter2").toString().contains("hunter2"));
    }

    @Test
    void an_unsupported_scheme_names_the_supported_ones_and_not_the_password() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse("mysql://root:hunter2@localhost/db"));

        assertTrue(e.getMessage().contains("mysql"));
        assertTrue(e.getMessage().contains("postgresql://"));
        assertTrue(e.getMessage().contains("sqlite:"));
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void a_malformed_postgresql_url_does_not_echo_its_password() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse("postgresql://app:hun ter2@/db"));
        assertFalse(e.getMessage().contains("hun ter2"));
    }

    @Test
    void user_information_is_decoded_as_a_uri_so_a_plus_stays_a_plus() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:p+ss%2Bw%C3%B6rd@localhost/db");
        assertEquals("p+ss+wörd", url.password().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgresql://app:bad%zz@localhost/db"));
    }

    @Test
    void several_hosts_go_to_the_driver_in_order() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@h1:5432,h2:5433,[::1]:5434/shop?sslmode=disable");
        assertEquals("jdbc:postgresql://h1:5432,h2:5433,[::1]:5434/shop?sslmode=disable&targetServerType=primary"
                + "&hostRecheckSeconds=2", url.jdbcUrl());
        assertEquals(3, url.hostCount());
        assertEquals("jdbc:postgresql://h1:5432,h2:5433,[::1]:5434/shop?sslmode=disable&targetServerType=preferSecondary"
                + "&hostRecheckSeconds=2&loadBalanceHosts=true", url.forStandbys().jdbcUrl());
    }

    @Test
    void pgbouncer_true_marks_a_transaction_pooler_and_is_not_passed_to_the_driver() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:pw@localhost:6432/db?pgbouncer=true&sslmode=disable");
        assertTrue(url.behindTransactionPooler());
        assertEquals("jdbc:postgresql://localhost:6432/db?sslmode=disable&prepareThreshold=0", url.jdbcUrl());
        assertFalse(DatabaseUrl.parse("postgresql://app:pw@localhost/db").behindTransactionPooler());
    }

    @Test
    void a_jdbc_parameter_is_added_encoded_unless_the_url_sets_it() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@h:5432/db?sslmode=require");
        assertEquals("jdbc:postgresql://h:5432/db?sslmode=require&ApplicationName=dbref%2Fh%20x%2F1",
                url.withJdbcParameter("ApplicationName", "dbref/h x/1").jdbcUrl());
        DatabaseUrl named = DatabaseUrl.parse("postgresql://u:p@h:5432/db?ApplicationName=mine");
        assertEquals(named.jdbcUrl(), named.withJdbcParameter("ApplicationName", "other").jdbcUrl());
    }

    @Test
    void an_application_name_keeps_its_end_where_postgresql_would_cut_it() {
        ApplicationName name = new ApplicationName("dbref/" + "h".repeat(80) + "/4242");
        assertEquals(63, name.withPart("replica").length());
        assertTrue(name.withPart("replica").endsWith("/4242/replica"));
        assertEquals("dbref/h/1/migrate", new ApplicationName("dbref/h/1").withPart("migrate"));
    }

    @Test
    void sslmode_require_with_a_root_certificate_verifies_the_ca_as_libpq_does() {
        assertEquals("jdbc:postgresql://h:5432/db?sslmode=verify-ca&sslrootcert=/ca.crt",
                DatabaseUrl.parse("postgresql://u@h:5432/db?sslmode=require&sslrootcert=/ca.crt").jdbcUrl());
        assertEquals("jdbc:postgresql://h:5432/db?sslmode=require",
                DatabaseUrl.parse("postgresql://u@h:5432/db?sslmode=require").jdbcUrl());
    }

    @Test
    void a_clear_text_connection_is_warned_about_only_when_it_leaves_this_machine() {
        Transport clear = new Transport.Clear();
        for (String local : new String[] {"postgresql://u@localhost/db", "postgresql://u@127.0.0.1:5432/db",
                "postgresql://u@[::1]:5432/db", "jdbc:postgresql://localhost:5432/db", "sqlite:./x.db"}) {
            assertTrue(DatabaseUrl.parse(local).staysOnThisMachine(), local);
            assertTrue(clear.warningFor(DatabaseUrl.parse(local)).isEmpty(), local);
        }
        DatabaseUrl remote = DatabaseUrl.parse("postgresql://u@localhost:5432,db.example.com:5432/db");
        assertFalse(remote.staysOnThisMachine());
        assertTrue(clear.warningFor(remote).orElseThrow().contains("not encrypted"));
        assertTrue(new Transport.Tls("TLSv1.3", "TLS_AES_256_GCM_SHA384").warningFor(remote).isEmpty());
        assertFalse(DatabaseUrl.parse("jdbc:postgresql://db.example.com/db").staysOnThisMachine());
    }
}

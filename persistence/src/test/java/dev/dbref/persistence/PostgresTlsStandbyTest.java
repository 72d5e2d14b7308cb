package dev.dbref.persistence;

import dev.dbref.domain.port.Repositories;
import dev.dbref.persistence.connection.DatabaseUnreachableException;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.connection.ServerCheck;
import dev.dbref.persistence.connection.Transport;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.persistence.migration.RuntimeRole;
import dev.dbref.persistence.repository.JooqRepositories;
import dev.dbref.persistence.routing.ReplicaSettings;
import dev.dbref.testkit.Connections;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.Standby;
import dev.dbref.testkit.TlsPostgres;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read URL takes libpq's TLS parameters as the primary's does: the service reads from a hot
 * standby over {@code verify-full}, as the least-privileged role, and a standby whose certificate
 * does not verify is refused in one line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTlsStandbyTest {
    private TlsPostgres server;
    private Standby standby;

    @BeforeAll
    void startStandby() {
        server = TlsPostgres.instance();
        standby = server.standby("tls_standby_test");
    }

    @AfterAll
    void stopStandby() {
        standby.close();
    }

    private String onStandby(String primaryUrl) {
        return server.atPort(primaryUrl, standby.port());
    }

    @Test
    void reads_reach_the_standby_over_verify_full_as_the_runtime_role() {
        Connections production = server.leastPrivileged();
        String name = production.databaseName();
        standby.awaitDatabase(name);
        DatabaseUrl primary = DatabaseUrl.parse(production.url());
        DatabaseUrl read = DatabaseUrl.parse(onStandby(production.url()));
        MigrationSettings migration = MigrationSettings.at(DatabaseUrl.parse(production.urlForMigrations()))
                .grantingTo(new RuntimeRole(TlsPostgres.APP_ROLE));
        try (Database db = Database.open(primary, PoolSettings.DEFAULTS.withTimeout(Duration.ofSeconds(5)),
                Database.Options.DEFAULTS.migratingFirst(migration)
                        .readingFrom(new ReplicaSettings(read, Optional.of(2), Duration.ofSeconds(10), Duration.ofMillis(100))))) {
            Eventually.until("reads reach the standby", () -> db.unitOfWork().<Boolean>read(PostgresTlsStandbyTest::inRecovery));
            assertTrue(db.unitOfWork().read(PostgresTlsStandbyTest::encrypted), "the standby's connection is not encrypted");
        }
        assertInstanceOf(Transport.Tls.class, ServerCheck.reach(read).transport());
    }

    @Test
    void a_standby_whose_certificate_another_ca_signed_is_refused_in_one_line() {
        String url = onStandby(server.leastPrivileged().url()).replace(server.rootCertificate().toString(),
                server.strangerRootCertificate().toString());
        DatabaseUnreachableException e = assertThrows(DatabaseUnreachableException.class,
                () -> ServerCheck.reach(DatabaseUrl.parse(url)));
        assertTrue(e.getMessage().contains("not signed by a certificate authority in sslrootcert"), e.getMessage());
    }

    private static boolean inRecovery(Repositories repositories) {
        return ((JooqRepositories) repositories).dsl().fetchValue(DSL.field("pg_is_in_recovery()", Boolean.class));
    }

    private static boolean encrypted(Repositories repositories) {
        return ((JooqRepositories) repositories).dsl().fetchValue(DSL.field(
                "(SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid())", Boolean.class));
    }
}

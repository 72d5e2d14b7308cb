package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.TlsPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * At start the service warns once when its pool alone would take more than half of the
 * connections the server has free, and starts all the same. A server of its own with
 * {@code max_connections = 20} (3 reserved for superusers): 17 free, so a pool of 9 warns and one of 8 does not.
 */
class PostgresConnectionBudgetWarningTest {
    private static final String WARNING = "would take more than half of the 17 connections the server has free";
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TlsPostgres.instance().configure(EmbeddedPostgres.builder()).setServerConfig("max_connections", "20")
                .setServerConfig("superuser_reserved_connections", "3").start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "a pool of {0} warns {1} time(s)")
    @CsvSource({"9, 1", "8, 0"})
    void warns_once_when_the_pool_takes_more_than_half_of_what_is_free_and_serves_anyway(int poolSize, long warnings)
            throws Exception {
        Map<String, String> env = new HashMap<>(TlsPostgres.instance().leastPrivileged(server).env());
        env.put("DB_POOL_SIZE", String.valueOf(poolSize));
        try (ServiceProcess instance = ServiceProcess.start(env)) {
            assertEquals(200, new Http(instance.port()).get("/observe/health").status(), instance.outputText());
            assertEquals(warnings, instance.output.stream().filter(line -> line.contains(WARNING)).count(),
                    instance.outputText());
        }
    }
}

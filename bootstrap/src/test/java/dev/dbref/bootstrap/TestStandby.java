package dev.dbref.bootstrap;

import dev.dbref.persistence.Eventually;
import dev.dbref.persistence.Standby;
import dev.dbref.persistence.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One hot standby of the test server for this test JVM, for contract tests that run with
 * {@code DATABASE_READ_URL}. Its databases commit with {@code remote_apply} (synchronous
 * replication, for them alone), so a read right after a write sees it on the standby too, as the
 * contract tests expect without tokens; every other database commits as usual.
 */
final class TestStandby {
    private static final String NAME = "contract_standby";
    private static Standby standby;

    private TestStandby() {
    }

    static synchronized Standby instance() {
        if (standby == null) {
            standby = Standby.of(TestDatabase.PostgresServer.INSTANCE.hostPort(), "postgres", "", NAME);
            admin("ALTER SYSTEM SET synchronous_commit = 'local'",
                    "ALTER SYSTEM SET synchronous_standby_names = '" + NAME + "'", "SELECT pg_reload_conf()");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                admin("ALTER SYSTEM RESET synchronous_standby_names", "ALTER SYSTEM RESET synchronous_commit",
                        "SELECT pg_reload_conf()");
                standby.close();
            }));
        }
        return standby;
    }

    /** The read URL of {@code databaseUrl}'s database on the standby, once it has arrived there; its commits wait for the standby. */
    static String readUrlFor(String databaseUrl) {
        Standby s = instance();
        String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        admin("ALTER DATABASE " + name + " SET synchronous_commit = 'remote_apply'");
        s.awaitDatabase(name);
        return "postgresql://postgres@localhost:" + s.port() + "/" + name;
    }

    private static void admin(String... statements) {
        try (Connection c = TestDatabase.PostgresServer.INSTANCE.admin(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

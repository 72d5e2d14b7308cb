package dev.dbref.testkit;

/**
 * One hot standby of the test server for this test JVM, for contract tests that run with
 * {@code DATABASE_READ_URL}. It replicates asynchronously, as production standbys mostly do: a
 * read right after a write may find it behind, so the contract tests read as clients must, with
 * the write's {@code Consistency-Token} ({@link Http#readingItsWrites}). A routing or token bug
 * then shows as a stale read instead of hiding behind synchronous replication.
 */
public final class SharedStandby {
    private static final String NAME = "contract_standby";
    private static Standby standby;

    private SharedStandby() {
    }

    public static synchronized Standby instance() {
        if (standby == null) {
            standby = Standby.of(PostgresServer.INSTANCE.hostPort(), PostgresServer.INSTANCE.user(),
                    PostgresServer.INSTANCE.password(), NAME);
            Runtime.getRuntime().addShutdownHook(new Thread(standby::close));
        }
        return standby;
    }

    /** The read URL of {@code databaseUrl}'s database on the standby, once it has arrived there. */
    public static String readUrlFor(String databaseUrl) {
        Standby s = instance();
        String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        s.awaitDatabase(name);
        String credentials = databaseUrl.substring(databaseUrl.indexOf("://") + 3, databaseUrl.lastIndexOf('@'));
        return "postgresql://" + credentials + "@localhost:" + s.port() + "/" + name;
    }
}

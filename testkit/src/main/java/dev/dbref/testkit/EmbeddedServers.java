package dev.dbref.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the test kit's embedded PostgreSQL servers share: how they stop, and how their pg_hba.conf is tightened. */
final class EmbeddedServers {
    private EmbeddedServers() {
    }

    /** Stops {@code server} when the JVM exits; its data directory is temporary. */
    static EmbeddedPostgres stoppedOnExit(EmbeddedPostgres server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is going away; the data directory is temporary
            }
        }));
        return server;
    }

    /**
     * Puts {@code rules} ahead of the server's own {@code pg_hba.conf} lines (the embedded server
     * trusts everyone) and reloads it; rules already there are not added twice.
     */
    static void prependHbaRules(Statement admin, String rules) throws SQLException, IOException {
        Path hba;
        try (ResultSet rs = admin.executeQuery("SHOW hba_file")) {
            rs.next();
            hba = Path.of(rs.getString(1));
        }
        String current = Files.readString(hba);
        if (!current.contains(rules)) {
            Files.writeString(hba, rules + current);
            admin.execute("SELECT pg_reload_conf()");
        }
    }
}

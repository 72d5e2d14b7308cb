package dev.dbref.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real hot standby of a running PostgreSQL, made the way {@code pg_basebackup} makes one but with
 * only the binaries the tests already have: a non-exclusive base backup ({@code pg_backup_start},
 * a copy of the data directory, {@code pg_backup_stop}'s label), then {@code standby.signal} and
 * {@code primary_conninfo}, started on a port of its own. It streams the primary's WAL.
 */
public final class Standby implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final Path data;

    private Standby(EmbeddedPostgres server, Path data) {
        this.server = server;
        this.data = data;
    }

    /**
     * @param primaryHostPort where the primary listens ({@code localhost:5432})
     * @param name            the standby's application name (what {@code synchronous_standby_names} matches)
     */
    public static Standby of(String primaryHostPort, String user, String password, String name) {
        return of(primaryHostPort, user, password, name, Map.of());
    }

    /** @param serverConfig settings of the standby's own, such as its TLS certificate */
    public static Standby of(String primaryHostPort, String user, String password, String name,
                             Map<String, String> serverConfig) {
        try {
            Path data = Files.createTempDirectory("dbref-standby-");
            String primaryUrl = "jdbc:postgresql://" + primaryHostPort + "/postgres";
            try (Connection backup = DriverManager.getConnection(primaryUrl, user, password);
                 Statement s = backup.createStatement()) {
                Path primaryData;
                try (ResultSet rs = s.executeQuery("SHOW data_directory")) {
                    rs.next();
                    primaryData = Path.of(rs.getString(1));
                }
                s.execute("SELECT pg_backup_start('dbref-standby', true)");
                copy(primaryData, data);
                String label;
                try (ResultSet rs = s.executeQuery("SELECT labelfile FROM pg_backup_stop(true)")) {
                    rs.next();
                    label = rs.getString(1);
                }
                Files.writeString(data.resolve("backup_label"), label);
            }
            String host = primaryHostPort.substring(0, primaryHostPort.lastIndexOf(':'));
            String port = primaryHostPort.substring(primaryHostPort.lastIndexOf(':') + 1);
            Files.writeString(data.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=" + host + " port=" + port
                    + " user=" + user + (password.isEmpty() ? "" : " password=" + password) + " application_name=" + name + "'\n",
                    StandardOpenOption.APPEND);
            Files.createFile(data.resolve("standby.signal"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres server = builder
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(Ports.free())
                    .setServerConfig("hot_standby", "on")
                    .setServerConfig("max_standby_streaming_delay", "0")
                    .setServerConfig("hot_standby_feedback", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new Standby(server, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not make a standby", e);
        }
    }

    /** Copies a live data directory as a base backup does: without the pid file, the WAL, or temporary state. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                if (first.equals("postmaster.pid") || first.equals("postmaster.opts") || first.equals("backup_label")
                        || (first.equals("pg_wal") && relative.getNameCount() > 1)
                        || first.equals("pg_replslot") && relative.getNameCount() > 1) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // a temporary file removed while we copied: the WAL replay restores what matters
                    }
                }
            }
        }
    }


    public int port() {
        return server.getPort();
    }

    /** A connection to the standby's {@code database}, as the superuser. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/" + database, "postgres", "");
    }

    /** Waits until {@code database}, created on the primary, has arrived here by replication. */
    public void awaitDatabase(String database) {
        Eventually.until("database " + database + " on the standby", () -> {
            try {
                connect(database).close();
                return true;
            } catch (SQLException notYet) {
                return false;
            }
        });
    }

    /** Makes the standby lag on demand: it keeps receiving WAL but stops replaying it. */
    public void pauseReplay() throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT pg_wal_replay_pause()");
        }
    }

    public void resumeReplay() throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT pg_wal_replay_resume()");
        }
    }

    /** Failover: the standby becomes a primary. */
    public void promote() throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT pg_promote(true, 60)");
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.dbref.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PgBouncer (the distribution's package, which {@code bin/test} installs) in transaction
 * pooling mode in front of a PostgreSQL, configured from {@code deploy/pgbouncer.ini}. The shared
 * one ({@link #instance()}) stands in front of the test server, one per test JVM; every one stops
 * when the JVM exits.
 */
public final class PgBouncer implements AutoCloseable {
    private static PgBouncer instance;

    private final Process process;
    private final int port;

    private PgBouncer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static synchronized PgBouncer instance() {
        if (instance == null) {
            PostgresServer server = PostgresServer.INSTANCE;
            instance = start(server.hostPort(), server.user(), server.password(), 4);
        }
        return instance;
    }

    /** @param serverConnections PgBouncer's {@code default_pool_size}: server connections per database */
    public static PgBouncer start(String primaryHostPort, String user, String password, int serverConnections) {
        try {
            Path dir = Files.createTempDirectory("dbref-pgbouncer-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            int port = Ports.free();
            Path users = dir.resolve("users.txt");
            Files.writeString(users, "\"" + user + "\" \"" + password + "\"\n");
            String ini = DeployFile.read("pgbouncer.ini")
                    .replace("@PRIMARY_HOST@", primaryHostPort.substring(0, primaryHostPort.lastIndexOf(':')))
                    .replace("@PRIMARY_PORT@", primaryHostPort.substring(primaryHostPort.lastIndexOf(':') + 1))
                    .replace("@LISTEN_HOST@", "127.0.0.1").replace("@LISTEN_PORT@", String.valueOf(port))
                    .replace("@POOL_SIZE@", String.valueOf(serverConnections))
                    .replace("@AUTH_TYPE@", password.isEmpty() ? "trust" : "plain")
                    .replace("@AUTH_FILE@", users.toString()).replace("@ADMIN_USER@", user);
            Path config = dir.resolve("pgbouncer.ini");
            Files.writeString(config, ini);
            List<String> command = new ArrayList<>(List.of("pgbouncer"));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "nobody")); // PgBouncer refuses to run as root
            }
            command.add(config.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("pgbouncer.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Eventually.until("PgBouncer listens on " + port, () -> Tcp.listening(port) || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer did not start: " + Files.readString(dir.resolve("pgbouncer.log")));
            }
            return new PgBouncer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code DATABASE_URL} of {@code databaseUrl}'s database through PgBouncer, with the
     * user and password of {@code databaseUrl}; {@code query} is its query string.
     */
    public String urlOf(String databaseUrl, String query) {
        String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        String credentials = databaseUrl.substring(databaseUrl.indexOf("://") + 3, databaseUrl.lastIndexOf('@'));
        return "postgresql://" + credentials + "@127.0.0.1:" + port + "/" + name + query;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}

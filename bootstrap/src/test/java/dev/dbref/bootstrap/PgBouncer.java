package dev.dbref.bootstrap;

import dev.dbref.persistence.Tcp;
import dev.dbref.persistence.Eventually;
import dev.dbref.persistence.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A real PgBouncer (the distribution's package, which {@code bin/test} installs) in transaction
 * pooling mode in front of the test PostgreSQL, configured from {@code deploy/pgbouncer.ini}.
 * One per test JVM, stopped when it exits.
 */
final class PgBouncer {
    private static PgBouncer instance;

    private final int port;

    private PgBouncer(int port) {
        this.port = port;
    }

    static synchronized PgBouncer instance() {
        if (instance == null) {
            instance = start(TestDatabase.PostgresServer.INSTANCE.hostPort(), 4);
        }
        return instance;
    }

    /** @param serverConnections PgBouncer's {@code default_pool_size}: server connections per database */
    static PgBouncer start(String primaryHostPort, int serverConnections) {
        try {
            Path dir = Files.createTempDirectory("dbref-pgbouncer-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            int port = freePort();
            Path users = dir.resolve("users.txt");
            Files.writeString(users, "\"postgres\" \"\"\n");
            String ini = Files.readString(Path.of("..", "deploy", "pgbouncer.ini"))
                    .replace("@PRIMARY_HOST@", primaryHostPort.substring(0, primaryHostPort.lastIndexOf(':')))
                    .replace("@PRIMARY_PORT@", primaryHostPort.substring(primaryHostPort.lastIndexOf(':') + 1))
                    .replace("@LISTEN_HOST@", "127.0.0.1").replace("@LISTEN_PORT@", String.valueOf(port))
                    .replace("@POOL_SIZE@", String.valueOf(serverConnections)).replace("@AUTH_TYPE@", "trust")
                    .replace("@AUTH_FILE@", users.toString()).replace("@ADMIN_USER@", "postgres");
            Path config = dir.resolve("pgbouncer.ini");
            Files.writeString(config, ini);
            // PgBouncer refuses to run as root: it drops to an unprivileged user.
            Process process = new ProcessBuilder("pgbouncer", "-u", "nobody", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("pgbouncer.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Eventually.until("PgBouncer listens on " + port, () -> Tcp.listening(port) || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer did not start: " + Files.readString(dir.resolve("pgbouncer.log")));
            }
            return new PgBouncer(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code DATABASE_URL} of {@code databaseUrl}'s database through PgBouncer; {@code flag} is its query. */
    String urlOf(String databaseUrl, String flag) {
        String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        return "postgresql://postgres@127.0.0.1:" + port + "/" + name + flag;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

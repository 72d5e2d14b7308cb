package dev.dbref.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    private static PgBouncer tlsInstance;

    /**
     * In front of {@link TlsPostgres}, as production runs it: clients must use TLS (the server's
     * own certificate for {@code localhost}), PgBouncer verifies the server ({@code verify-full}),
     * and the runtime role logs in with SCRAM at both ends. One per test JVM, started on first use.
     */
    public static synchronized PgBouncer tlsInstance() {
        if (tlsInstance == null) {
            TlsPostgres server = TlsPostgres.instance();
            String[] credentials = TlsPostgres.runtimeCredentials();
            tlsInstance = start("localhost:" + server.port(), credentials[0], credentials[1], 4, Optional.of(server));
        }
        return tlsInstance;
    }

    /** @param serverConnections PgBouncer's {@code default_pool_size}: server connections per database */
    public static PgBouncer start(String primaryHostPort, String user, String password, int serverConnections) {
        return start(primaryHostPort, user, password, serverConnections, Optional.empty());
    }

    private static PgBouncer start(String primaryHostPort, String user, String password, int serverConnections,
                                   Optional<TlsPostgres> tls) {
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
                    .replace("@AUTH_TYPE@", tls.isPresent() ? "scram-sha-256" : password.isEmpty() ? "trust" : "plain")
                    .replace("@AUTH_FILE@", users.toString()).replace("@ADMIN_USER@", user);
            if (tls.isPresent()) {
                ini += tlsSettings(dir, tls.get());
            }
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
     * TLS on both sides. The key is copied beside the configuration, readable by the user
     * PgBouncer runs as ({@code nobody} when the tests run as root): a test key, never a real one.
     */
    private static String tlsSettings(Path dir, TlsPostgres server) throws IOException {
        TestCertificates.KeyFiles files = server.serverCertificate();
        Path certificate = Files.copy(files.certificate(), dir.resolve("server.crt"));
        Path key = Files.copy(files.key(), dir.resolve("server.key"));
        Path ca = Files.copy(server.rootCertificate(), dir.resolve("ca.crt"));
        for (Path file : new Path[] {certificate, key, ca}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return "\n; TLS at both ends (testkit's PgBouncer.tlsInstance)\n"
                + "client_tls_sslmode = require\n"
                + "client_tls_cert_file = " + certificate + "\n"
                + "client_tls_key_file = " + key + "\n"
                + "server_tls_sslmode = verify-full\n"
                + "server_tls_ca_file = " + ca + "\n";
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

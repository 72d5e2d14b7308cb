package dev.dbref.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second embedded PostgreSQL, with {@code ssl=on} and a certificate for {@code localhost}
 * signed by a CA the tests make ({@link TestCertificates}). It takes clear-text connections too,
 * so that every {@code sslmode} can be tried on it, except for the role {@link #CERTIFICATE_ROLE},
 * which must log in over TLS with a client certificate. One per test JVM, started on first use.
 */
public final class TlsPostgres {
    /** A role that logs in with a client certificate only ({@code hostssl ... cert}). */
    public static final String CERTIFICATE_ROLE = "tls_client";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static TlsPostgres instance;

    private final EmbeddedPostgres server;
    private final TestCertificates authority;
    private final TestCertificates stranger;
    private final TestCertificates.KeyFiles client;

    private TlsPostgres(EmbeddedPostgres server, TestCertificates authority, TestCertificates stranger,
                        TestCertificates.KeyFiles client) {
        this.server = server;
        this.authority = authority;
        this.stranger = stranger;
        this.client = client;
    }

    public static synchronized TlsPostgres instance() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TlsPostgres start() {
        TestCertificates authority = TestCertificates.authority("dbref-test-ca");
        TestCertificates stranger = TestCertificates.authority("some-other-ca");
        TestCertificates.KeyFiles serverFiles = authority.server("localhost");
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setServerConfig("ssl", "on")
                    .setServerConfig("ssl_cert_file", serverFiles.certificate().toString())
                    .setServerConfig("ssl_key_file", serverFiles.key().toString())
                    .setServerConfig("ssl_ca_file", authority.rootCertificate().toString())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }));
            TlsPostgres tls = new TlsPostgres(server, authority, stranger, authority.client(CERTIFICATE_ROLE));
            tls.requireClientCertificateOf(CERTIFICATE_ROLE);
            return tls;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the TLS PostgreSQL for the tests", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the TLS PostgreSQL for the tests", e);
        }
    }

    private void requireClientCertificateOf(String role) throws SQLException, IOException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN");
            Path hba;
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            String rules = "hostssl all " + role + " 127.0.0.1/32 cert\nhostssl all " + role + " ::1/128 cert\n"
                    + "host all " + role + " all reject\n";
            Files.writeString(hba, rules + Files.readString(hba));
            s.execute("SELECT pg_reload_conf()");
        }
    }

    /** Where it listens: always {@code localhost}, the name its certificate carries. */
    public int port() {
        return server.getPort();
    }

    /** The CA that signed the server's certificate: the right {@code sslrootcert}. */
    public Path rootCertificate() {
        return authority.rootCertificate();
    }

    /** Another CA's certificate: a {@code sslrootcert} the server's certificate does not chain to. */
    public Path strangerRootCertificate() {
        return stranger.rootCertificate();
    }

    /** The certificate and key of {@link #CERTIFICATE_ROLE}. */
    public TestCertificates.KeyFiles clientCertificate() {
        return client;
    }

    /** The name of a new, empty database (owned by {@code postgres}) on this server. */
    public String createDatabase() {
        String name = "dbref_tls_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return name;
    }

    public Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/postgres?sslmode=disable", "postgres", "");
    }
}

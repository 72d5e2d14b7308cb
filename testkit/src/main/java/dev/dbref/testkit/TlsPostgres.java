package dev.dbref.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
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
    /** Owns the application's databases and runs their migrations, as an operator's owner role does. */
    public static final String OWNER_ROLE = "dbref_owner";
    /** The service's runtime role: rows only, and over TLS only. */
    public static final String APP_ROLE = "dbref_app";
    /** With characters a URL must escape, as real generated passwords have. */
    private static final String OWNER_PASSWORD = "owner:p@ss/w?rd";
    private static final String APP_PASSWORD = "app#p@ss%word";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static TlsPostgres instance;

    private final EmbeddedPostgres server;
    private final TestCertificates authority;
    private final TestCertificates stranger;
    private final TestCertificates.KeyFiles client;
    private final Map<String, String> tlsConfig;
    private final TestCertificates.KeyFiles serverFiles;

    private TlsPostgres(EmbeddedPostgres server, TestCertificates authority, TestCertificates stranger,
                        TestCertificates.KeyFiles client, Map<String, String> tlsConfig, TestCertificates.KeyFiles serverFiles) {
        this.server = server;
        this.serverFiles = serverFiles;
        this.tlsConfig = tlsConfig;
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
            Map<String, String> tlsConfig = Map.of("ssl", "on",
                    "ssl_cert_file", serverFiles.certificate().toString(),
                    "ssl_key_file", serverFiles.key().toString(),
                    "ssl_ca_file", authority.rootCertificate().toString());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off");
            tlsConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres server = EmbeddedServers.stoppedOnExit(builder.start());
            TlsPostgres tls = new TlsPostgres(server, authority, stranger, authority.client(CERTIFICATE_ROLE), tlsConfig, serverFiles);
            tls.requireClientCertificateOf(CERTIFICATE_ROLE);
            try (Connection c = tls.admin()) {
                createProductionRoles(c);
            }
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
            EmbeddedServers.prependHbaRules(s, "hostssl all " + role + " 127.0.0.1/32 cert\nhostssl all " + role
                    + " ::1/128 cert\nhost all " + role + " all reject\n");
        }
    }

    /**
     * The roles of README's "Production roles" on the server behind {@code admin}: an owner, and a
     * runtime role that may log in over TLS with its password only. Idempotent.
     */
    private static void createProductionRoles(Connection admin) throws SQLException, IOException {
        try (Statement s = admin.createStatement()) {
            for (String[] role : new String[][] {{OWNER_ROLE, OWNER_PASSWORD}, {APP_ROLE, APP_PASSWORD}}) {
                try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role[0] + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                s.execute("CREATE ROLE " + role[0] + " LOGIN PASSWORD '" + role[1].replace("'", "''") + "'");
            }
            StringBuilder rules = new StringBuilder();
            for (String role : new String[] {OWNER_ROLE, APP_ROLE}) {
                rules.append("hostssl all ").append(role).append(" 127.0.0.1/32 scram-sha-256\n")
                        .append("hostssl all ").append(role).append(" ::1/128 scram-sha-256\n")
                        .append("host all ").append(role).append(" all reject\n");
            }
            EmbeddedServers.prependHbaRules(s, rules.toString());
        }
    }

    /**
     * A new database owned by {@link #OWNER_ROLE}, reached as production reaches it: the service
     * as {@link #APP_ROLE} over {@code verify-full}, migrations as the owner over {@code verify-full},
     * granting the runtime role its rights.
     */
    public Connections leastPrivileged() {
        try (Connection c = admin()) {
            return leastPrivileged(c, port());
        } catch (SQLException e) {
            throw new IllegalStateException("could not reach the TLS PostgreSQL for the tests", e);
        }
    }

    /**
     * A server of a test's own (one it stops, or promotes) with this server's TLS set-up: its
     * certificate, so that {@link #rootCertificate()} verifies it. Give it the production roles with
     * {@link #leastPrivileged(EmbeddedPostgres)}.
     */
    public EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
        tlsConfig.forEach(builder::setServerConfig);
        return builder;
    }

    /** {@link #leastPrivileged()} on a server that {@link #configure} set up: roles, rules and a new database. */
    public Connections leastPrivileged(EmbeddedPostgres other) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + other.getPort()
                + "/postgres?sslmode=disable", "postgres", "")) {
            createProductionRoles(c);
            return leastPrivileged(c, other.getPort());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not give the test's server the production roles", e);
        }
    }

    private Connections leastPrivileged(Connection admin, int port) throws SQLException {
        String name = "dbref_lp_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + OWNER_ROLE);
            s.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + name + " TO " + APP_ROLE);
        }
        return Connections.direct(verifiedUrl(APP_ROLE, APP_PASSWORD, "localhost:" + port, name))
                .migratingThrough(verifiedUrl(OWNER_ROLE, OWNER_PASSWORD, "localhost:" + port, name))
                .granting(APP_ROLE);
    }

    /** A {@code DATABASE_URL} as {@code role} that verifies the server's certificate and name. */
    public String verifiedUrl(String role, String password, String database) {
        return verifiedUrl(role, password, "localhost:" + port(), database);
    }

    /** {@code hosts}: one or several {@code localhost:port}, the name the certificate carries. */
    private String verifiedUrl(String role, String password, String hosts, String database) {
        return "postgresql://" + role + ":" + encode(password) + "@" + hosts + "/" + database
                + "?sslmode=verify-full&sslrootcert=" + rootCertificate();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A hot standby of this server, made by base backup, with the same certificate and the same
     * {@code pg_hba.conf} (the runtime role over TLS only). Close it after the test.
     */
    public Standby standby(String name) {
        return Standby.of("localhost:" + port(), "postgres", "", name, tlsConfig);
    }

    /** {@code url} of this server, sent to {@code port} instead: a standby of it, or a proxy in front of it. */
    public String atPort(String url, int port) {
        return url.replace("@localhost:" + port() + "/", "@localhost:" + port + "/");
    }

    /** A hot standby, with the same TLS set-up, of a test's own server that {@link #configure} set up. */
    public Standby standbyOf(EmbeddedPostgres primary, String name) {
        return Standby.of("localhost:" + primary.getPort(), "postgres", "", name, tlsConfig);
    }

    /** Where it listens: always {@code localhost}, the name its certificate carries. */
    public int port() {
        return server.getPort();
    }

    /** The server's certificate for {@code localhost} and its key: what a TLS-terminating pooler in front of it may present too. */
    public TestCertificates.KeyFiles serverCertificate() {
        return serverFiles;
    }

    /**
     * {@link #leastPrivileged()} with the service's connection through {@code bouncer} instead:
     * the runtime role over {@code verify-full} to PgBouncer, which verifies this server in turn;
     * migrations directly, as the owner.
     */
    public Connections leastPrivilegedThrough(PgBouncer bouncer) {
        Connections direct = leastPrivileged();
        return new Connections(atPort(direct.url(), bouncer.port()).replace("?sslmode=", "?pgbouncer=true&sslmode="),
                direct.readUrl(), direct.migrationUrl(), direct.runtimeRole());
    }

    /** The runtime role's name and password, for a pooler's auth_file. */
    public static String[] runtimeCredentials() {
        return new String[] {APP_ROLE, APP_PASSWORD};
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

package dev.dbref.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PostgreSQL under test: embedded (as in the tests) or the server in BENCH_DATABASE_URL. */
final class Postgres implements AutoCloseable {
    final EmbeddedPostgres embedded;
    final String host;
    final int port;
    final String user;
    final String password;
    final String database;

    private Postgres(EmbeddedPostgres embedded, String host, int port, String user, String password, String database) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    static Postgres start(String url) throws Exception {
        if (url != null && !url.isBlank()) {
            URI uri = URI.create(url.replaceFirst("^postgres(ql)?(\\+\\w+)?://", "postgresql://"));
            String[] info = uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
            Postgres server = new Postgres(null, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, info[0],
                    info.length > 1 ? info[1] : "", uri.getPath().substring(1));
            return server.withFreshDatabase();
        }
        // Durable commits, as in production: the tests' embedded server relaxes these.
        EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .start();
        return new Postgres(embedded, "127.0.0.1", embedded.getPort(), "postgres", "", "postgres").withFreshDatabase();
    }

    private Postgres withFreshDatabase() throws Exception {
        String name = "dbref_bench_" + System.currentTimeMillis();
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new Postgres(embedded, host, port, user, password, name);
    }

    Connection connect(String db) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, user, password);
    }

    /** A new, empty database in this cluster, reached as this one is. */
    Postgres newDatabase(String prefix) throws Exception {
        String name = prefix + "_" + System.currentTimeMillis();
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new Postgres(embedded, host, port, user, password, name);
    }

    String serviceUrl() {
        return "postgresql://" + user + (password.isEmpty() ? "" : ":" + password) + "@" + host + ":" + port + "/" + database;
    }

    void execute(String sql) throws Exception {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    String version() throws Exception {
        try (Connection c = connect(database)) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    /** pgbench with prepared statements at the service's concurrency; returns transactions per second. */
    double pgbench(Path work, int clients, int threads, int seconds, String script) throws Exception {
        Path file = Files.createTempFile(work, "pgbench-", ".sql");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", String.valueOf(threads), "-T", String.valueOf(seconds), "-h", host, "-p", String.valueOf(port),
                "-U", user, "-f", file.toString(), database).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no tps in pgbench output:\n" + output);
        }
        double tps = Double.parseDouble(m.group(1));
        System.out.printf(Locale.ROOT, "   pgbench %-12s %10.0f tps%n",
                script.contains("unnest") ? "bulk insert" : script.contains("INSERT") ? "insert"
                        : script.contains("count(*)") ? "list" : "select", tps);
        return Report.round(tps, 1);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The benchmark harness (run it with bench/run). Every figure is also reported as a ratio to
 * what PostgreSQL itself does with the same statement at the same concurrency (pgbench), measured
 * in the same run, because absolute numbers on a shared machine move 10-50% between runs.
 */
public final class Bench {
    static final int PRODUCTS = 10_000;
    static final int USERS = 1_000;
    static final int POSTS_PER_USER = 5;
    static final int BULK_ITEMS = 1_000;

    final Path root;
    final int seconds;
    final int connections;
    final int threads = 2;
    final Path work;
    final Map<String, Object> results = new LinkedHashMap<>();

    Bench(Path root, int seconds, int connections) throws IOException {
        this.root = root;
        this.seconds = seconds;
        this.connections = connections;
        this.work = Files.createTempDirectory("dbref-bench-");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int seconds = 10;
        int connections = 32;
        for (int i = 1; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--duration" -> seconds = Integer.parseInt(args[i + 1]);
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Bench bench = new Bench(root, seconds, connections);
        try {
            bench.run();
        } catch (Exception | Error e) {
            System.err.println("bench: failed; service logs and scripts are kept in " + bench.work);
            throw e;
        }
        bench.deleteWork();
    }

    void run() throws Exception {
        results.put("machine", machine());
        results.put("settings", Map.of("duration_s", seconds, "connections", connections, "wrk_threads", threads,
                "request_log", false));
        Postgres pg = Postgres.start(System.getenv("BENCH_DATABASE_URL"));
        try {
            Map<String, Object> ceiling = new LinkedHashMap<>();
            // The read ceilings run on the freshly loaded data set, before any write scenario grows it.
            Map<String, Object> postgres = benchService("postgresql", pg.serviceUrl(), () -> {
                // Statistics and the visibility map, as autovacuum would give them a minute after the
                // load: without them the first plans are guesses and index-only scans read the heap.
                pg.execute("VACUUM ANALYZE");
                ceiling.put("select_tps", pg.pgbench(work, connections, threads, seconds, """
                        \\set id random(1, %d)
                        SELECT id, name, name_key, description, price, quantity, version, created_at, updated_at FROM products WHERE id = :id;
                        """.formatted(PRODUCTS)));
                ceiling.put("cursor_tps", pg.pgbench(work, connections, threads, seconds, """
                        \\set after random(0, %d)
                        SELECT id, name, description, price, quantity, version, created_at, updated_at FROM products WHERE id >= :after AND id > :after ORDER BY id LIMIT 21;
                        """.formatted(PRODUCTS - 21)));
                ceiling.put("list_tps", pg.pgbench(work, connections, threads, seconds, """
                        \\set skip random(0, %d)
                        SELECT p.id, p.name, p.description, p.price, p.quantity, p.version, p.created_at, p.updated_at FROM products p JOIN (SELECT id FROM products ORDER BY id LIMIT 20 OFFSET :skip) page ON p.id = page.id ORDER BY p.id;
                        SELECT count(*) FROM products;
                        """.formatted(PRODUCTS - 20)));
            });
            ceiling.put("insert_tps", pg.pgbench(work, connections, threads, seconds, """
                    INSERT INTO products (name, name_key, description, price, quantity, version, created_at, updated_at) VALUES ('pgbench', 'pgbench', NULL, 9.99, 1, 1, now(), now()) RETURNING *;
                    """));
            ceiling.put("bulk_rows_per_s", BULK_ITEMS * pg.pgbench(work, connections, threads, seconds, Scripts.bulkInsertSql()));
            ceiling.put("server", pg.version());
            results.put("pgbench", ceiling);
            results.put("postgresql", postgres);
        } finally {
            pg.close();
        }
        results.put("sqlite", benchService("sqlite", "sqlite:" + work.resolve("bench.db"), () -> { }));
        Report.write(root.resolve("bench/results"), results);
    }

    /** The SQLite database, the scripts and the service logs go; the results are in bench/results. */
    void deleteWork() throws IOException {
        try (var paths = Files.walk(work)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Starts the service from its jar, loads the data set, warms up, then runs every scenario. */
    /** Something to measure while the service is loaded and idle, e.g. the database's own ceiling. */
    interface Step {
        void run() throws Exception;
    }

    Map<String, Object> benchService(String name, String databaseUrl, Step beforeScenarios) throws Exception {
        System.out.println("== " + name);
        Service service = Service.start(root, databaseUrl, work.resolve(name + "-service.log"));
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("startup_s", service.startupSeconds);
            load(service);
            // The JIT needs a while: without this the first scenarios measure compilation.
            wrk(service, "warmup", Scripts.getProduct(), Math.min(20, 2 * seconds), connections);
            wrk(service, "warmup", Scripts.listProducts(), Math.min(10, seconds), connections);
            beforeScenarios.run();
            Map<String, Object> scenarios = new LinkedHashMap<>();
            scenarios.put("get_product", scenario(service, "get_product", Scripts.getProduct(), connections));
            scenarios.put("list_products", scenario(service, "list_products", Scripts.listProducts(), connections));
            scenarios.put("cursor_first_page", scenario(service, "cursor_first_page", Scripts.cursorPage(""), connections));
            String deep = new Http(service.port).cursorAfter("/products?limit=20&total=none&skip=" + (PRODUCTS * 9 / 10));
            scenarios.put("cursor_page_90pct", scenario(service, "cursor_page_90pct", Scripts.cursorPage(deep), connections));
            scenarios.put("users_include_posts", scenario(service, "users_include_posts", Scripts.usersWithPosts(), connections));
            scenarios.put("patch_product", scenario(service, "patch_product", Scripts.patchProduct(), connections));
            scenarios.put("post_product", scenario(service, "post_product", Scripts.postProduct(), connections));
            scenarios.put("post_bulk_1000", scenario(service, "post_bulk_1000", Scripts.postBulk(), connections));
            out.put("scenarios", scenarios);
            out.put("peak_rss_mib", service.peakRssMiB());
            return out;
        } finally {
            service.stop();
        }
    }

    Map<String, Object> scenario(Service service, String name, String script, int conns) throws Exception {
        double cpuBefore = service.cpuSeconds();
        Map<String, Object> r = wrk(service, name, script, seconds, conns);
        double cpu = service.cpuSeconds() - cpuBefore;
        long requests = (long) r.get("requests");
        r.put("cpu_ms_per_request", requests == 0 ? 0 : Report.round(cpu * 1000 / requests, 3));
        System.out.printf(Locale.ROOT, "   %-20s %10.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n", name,
                r.get("rps"), r.get("p50_ms"), r.get("p99_ms"), r.get("errors"));
        return r;
    }

    Map<String, Object> wrk(Service service, String name, String script, int duration, int conns) throws Exception {
        Path lua = work.resolve(name + ".lua");
        Files.writeString(lua, script + Wrk.DONE_HOOK);
        Process p = new ProcessBuilder("wrk", "--latency", "-t" + threads, "-c" + conns, "-d" + duration + "s",
                "--timeout", "10s", "-s", lua.toString(), "http://127.0.0.1:" + service.port).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return Wrk.parse(output);
    }

    /** 10,000 products in 10 bulk requests; 1,000 users with 5 posts each. */
    void load(Service service) throws Exception {
        Http http = new Http(service.port);
        for (int batch = 0; batch < PRODUCTS / BULK_ITEMS; batch++) {
            int first = batch * BULK_ITEMS;
            String items = IntStream.range(first, first + BULK_ITEMS).mapToObj(Scripts::productJson)
                    .collect(Collectors.joining(",", "[", "]"));
            http.expect(201, "POST", "/products/bulk", items);
        }
        http.parallel(USERS, i -> http.expect(201, "POST", "/users",
                "{\"email\": \"user" + i + "@example.com\", \"username\": \"user" + i + "\"}"));
        http.parallel(USERS * POSTS_PER_USER, i -> http.expect(201, "POST", "/users/" + (i / POSTS_PER_USER + 1) + "/posts",
                "{\"title\": \"post " + i + "\", \"body\": \"Lorem ipsum dolor sit amet.\"}"));
    }

    static Map<String, Object> machine() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown"));
        m.put("memory_gib", Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Report.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0, 1)).orElse(0.0));
        m.put("java", System.getProperty("java.version"));
        return m;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The service as a separate process, started the way a user starts it (bin/serve). */
    static final class Service {
        final Process process;
        final int port;
        final double startupSeconds;

        private Service(Process process, int port, double startupSeconds) {
            this.process = process;
            this.port = port;
            this.startupSeconds = startupSeconds;
        }

        static Service start(Path root, String databaseUrl, Path log) throws Exception {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/serve").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("DATABASE_URL", databaseUrl);
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("HOST", "127.0.0.1");
            builder.environment().put("REQUEST_LOG", "false");
            long start = System.nanoTime();
            Process process = builder.start();
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health")).build();
            while (true) {
                try {
                    if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (!process.isAlive() || System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
                    throw new IllegalStateException("the service did not become healthy");
                }
                Thread.sleep(5);
            }
            double startup = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "   healthy after %.2f s (JVM start included)%n", startup);
            return new Service(process, port, Report.round(startup, 3));
        }

        /** User plus system CPU time of the service process so far, as the JDK reports it. */
        double cpuSeconds() {
            return process.toHandle().info().totalCpuDuration()
                    .orElseThrow(() -> new IllegalStateException("this system reports no CPU time for processes"))
                    .toNanos() / 1e9;
        }

        double peakRssMiB() throws IOException {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("VmHWM")).findFirst()
                    .map(l -> Report.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0, 1)).orElse(0.0);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The PostgreSQL under test: embedded (as in the tests) or the server in BENCH_DATABASE_URL. */
    static final class Postgres implements AutoCloseable {
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

    /** wrk scenarios as Lua scripts: random ids within the loaded data set. */
    static final class Scripts {
        static String productJson(int i) {
            return "{\"name\": \"product " + i + "\", \"description\": \"a product for the benchmark\", \"price\": "
                    + (i % 1000) + "." + String.format(Locale.ROOT, "%02d", i % 100) + ", \"quantity\": " + (i % 50) + "}";
        }

        static String getProduct() {
            return "request = function() return wrk.format('GET', '/products/' .. math.random(1, " + PRODUCTS + ")) end\n";
        }

        static String listProducts() {
            return "request = function() return wrk.format('GET', '/products?limit=20&skip=' .. math.random(0, "
                    + (PRODUCTS - 20) + ")) end\n";
        }

        /** The first page without a count, or the page after {@code cursor} (already URL-encoded). */
        static String cursorPage(String cursor) {
            return "wrk.path = '/products?limit=20&total=none" + (cursor.isEmpty() ? "" : "&after=" + cursor) + "'\n";
        }

        static String usersWithPosts() {
            return "request = function() return wrk.format('GET', '/users?include=posts&limit=20&skip=' .. math.random(0, "
                    + (USERS - 20) + ")) end\n";
        }

        static String patchProduct() {
            return """
                    wrk.method = 'PATCH'
                    wrk.headers['Content-Type'] = 'application/json'
                    request = function()
                      return wrk.format('PATCH', '/products/' .. math.random(1, %d), nil, '{"quantity": ' .. math.random(0, 1000) .. '}')
                    end
                    """.formatted(PRODUCTS);
        }

        static String postProduct() {
            return """
                    wrk.method = 'POST'
                    wrk.path = '/products'
                    wrk.headers['Content-Type'] = 'application/json'
                    wrk.body = '%s'
                    """.formatted(productJson(42));
        }

        /** The statement the service runs for a bulk POST of {@link #postBulk()}'s items, with the arrays inlined. */
        static String bulkInsertSql() {
            StringBuilder names = new StringBuilder();
            StringBuilder prices = new StringBuilder();
            StringBuilder quantities = new StringBuilder();
            for (int i = 0; i < BULK_ITEMS; i++) {
                String sep = i == 0 ? "" : ",";
                names.append(sep).append("\"product ").append(i).append('"');
                prices.append(sep).append(i % 1000).append('.').append(String.format(Locale.ROOT, "%02d", i % 100));
                quantities.append(sep).append(i % 50);
            }
            String descriptions = IntStream.range(0, BULK_ITEMS).mapToObj(i -> "\"a product for the benchmark\"")
                    .collect(Collectors.joining(","));
            return "INSERT INTO products (name, name_key, description, price, quantity, version, created_at, updated_at) "
                    + "SELECT t.name, t.name_key, t.description, t.price, t.quantity, 1, now(), now() FROM unnest("
                    + "'{" + names + "}'::varchar[], '{" + names.toString().toUpperCase(Locale.ROOT) + "}'::text[], "
                    + "'{" + descriptions + "}'::varchar[], '{" + prices + "}'::numeric[], '{" + quantities + "}'::bigint[]) "
                    + "WITH ORDINALITY AS t(name, name_key, description, price, quantity, ord) ORDER BY t.ord RETURNING id;\n";
        }

        static String postBulk() {
            String items = IntStream.range(0, BULK_ITEMS).mapToObj(Scripts::productJson).collect(Collectors.joining(",", "[", "]"));
            return """
                    wrk.method = 'POST'
                    wrk.path = '/products/bulk'
                    wrk.headers['Content-Type'] = 'application/json'
                    wrk.body = '%s'
                    """.formatted(items);
        }
    }

    /**
     * wrk's figures from its own Lua {@code done()} hook, which every script gets appended: one
     * line of JSON, read with Jackson, instead of parsing wrk's report for people.
     */
    static final class Wrk {
        static final String DONE_HOOK = """

                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format('WRK_RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, '
                    .. '"non_2xx": %d, "socket_errors": %d}\\n', summary.requests, summary.duration,
                    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
                end
                """;

        static Map<String, Object> parse(String output) throws IOException {
            String line = output.lines().filter(l -> l.startsWith("WRK_RESULT ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output));
            JsonNode result = Json.MAPPER.readTree(line.substring("WRK_RESULT ".length()));
            long requests = result.get("requests").asLong();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rps", Report.round(requests / (result.get("duration_us").asLong() / 1e6), 1));
            r.put("requests", requests);
            r.put("p50_ms", Report.round(result.get("p50_us").asLong() / 1000.0, 3));
            r.put("p99_ms", Report.round(result.get("p99_us").asLong() / 1000.0, 3));
            long non2xx = result.get("non_2xx").asLong();
            long socketErrors = result.get("socket_errors").asLong();
            r.put("non_2xx", non2xx);
            r.put("socket_errors", socketErrors);
            r.put("errors", non2xx + socketErrors);
            return r;
        }
    }

    /** A tiny client for loading the data set. */
    static final class Http {
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final int port;

        Http(int port) {
            this.port = port;
        }

        void expect(int status, String method, String path, String body) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != status) {
                    throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The {@code next} cursor of the list page at {@code path}, URL-encoded for a query string. */
        String cursorAfter(String path) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(r.body());
            if (!m.find()) {
                throw new IllegalStateException("no next cursor at " + path + ": " + r.body());
            }
            return java.net.URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        }

        void parallel(int count, java.util.function.IntConsumer call) throws Exception {
            Semaphore slots = new Semaphore(16);
            try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                List<java.util.concurrent.Future<?>> all = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int n = i;
                    all.add(threads.submit(() -> {
                        slots.acquireUninterruptibly();
                        try {
                            call.accept(n);
                        } finally {
                            slots.release();
                        }
                    }));
                }
                for (var f : all) {
                    f.get();
                }
            }
        }
    }

    /** bench/results/latest.json and latest.md: the figures, the ratios and the targets. */
    static final class Report {
        static double round(double value, int digits) {
            double scale = Math.pow(10, digits);
            return Math.round(value * scale) / scale;
        }

        @SuppressWarnings("unchecked")
        static void write(Path dir, Map<String, Object> results) throws IOException {
            Files.createDirectories(dir);
            Map<String, Object> pg = (Map<String, Object>) results.get("postgresql");
            Map<String, Object> lite = (Map<String, Object>) results.get("sqlite");
            Map<String, Object> ceiling = (Map<String, Object>) results.get("pgbench");
            Map<String, Object> pgs = (Map<String, Object>) pg.get("scenarios");
            Map<String, Object> ls = (Map<String, Object>) lite.get("scenarios");

            double get = rps(pgs, "get_product");
            double list = rps(pgs, "list_products");
            double post = rps(pgs, "post_product");
            double bulkRows = rps(pgs, "post_bulk_1000") * BULK_ITEMS;
            long errors = errors(pgs) + errors(ls);
            double peakRss = Math.max((double) pg.get("peak_rss_mib"), (double) lite.get("peak_rss_mib"));

            List<String[]> targets = new ArrayList<>();
            targets.add(target("GET /products/{id} req/s ÷ pgbench SELECT tps", ratio(get, (double) ceiling.get("select_tps")), ">= 0.20", 0.20, true));
            targets.add(target("GET /products?limit=20 ÷ GET /products/{id}", ratio(list, get), ">= 0.5", 0.5, true));
            targets.add(target("(context) GET /products?limit=20 ÷ pgbench of its two statements", ratio(list, (double) ceiling.get("list_tps")), "-", 0, true));
            double cursorFirst = rps(pgs, "cursor_first_page");
            targets.add(target("cursor page (limit 20, total=none) ÷ GET /products/{id}", ratio(cursorFirst, get), ">= 0.5", 0.5, true));
            targets.add(target("cursor page at 90 % depth ÷ first cursor page (" + PRODUCTS + " rows)",
                    ratio(rps(pgs, "cursor_page_90pct"), cursorFirst), ">= 0.8", 0.8, true));
            targets.add(target("(context) cursor page ÷ pgbench of its statement", ratio(cursorFirst, (double) ceiling.get("cursor_tps")), "-", 0, true));
            targets.add(target("POST /products req/s ÷ pgbench INSERT tps", ratio(post, (double) ceiling.get("insert_tps")), ">= 0.8", 0.8, true));
            targets.add(target("bulk rows/s ÷ single POST rows/s", ratio(bulkRows, post), ">= 50", 50, true));
            targets.add(target("(context) bulk rows/s ÷ pgbench rows/s of the same INSERT", ratio(bulkRows, (double) ceiling.get("bulk_rows_per_s")), "-", 0, true));
            targets.add(target("p99 GET /products/{id}, " + results.get("settings").toString().replaceAll(".*connections=(\\d+).*", "$1")
                    + " connections (ms)", (double) ((Map<String, Object>) pgs.get("get_product")).get("p99_ms"), "<= 20", 20, false));
            targets.add(target("errors in any scenario (both databases)", errors, "0", 0, false));
            targets.add(target("start-up to healthy, SQLite, JVM included (s)", (double) lite.get("startup_s"), "<= 1.0", 1.0, false));
            targets.add(target("peak RSS under load (MiB)", peakRss, "<= 128", 128, false));
            targets.add(target("SQLite POST /products req/s", rps(ls, "post_product"), ">= 5000", 5000, true));

            StringBuilder md = new StringBuilder();
            Map<String, Object> machine = (Map<String, Object>) results.get("machine");
            md.append("Run ").append(machine.get("date")).append(" on ").append(machine.get("cpus")).append(" × ")
                    .append(machine.get("cpu")).append(", ").append(machine.get("memory_gib")).append(" GiB, Java ")
                    .append(machine.get("java")).append("; PostgreSQL ").append(ceiling.get("server"))
                    .append(" with durable commits; ").append(results.get("settings")).append(".\n\n");
            md.append("| figure | measured | target | met |\n|---|---|---|---|\n");
            for (String[] t : targets) {
                md.append("| ").append(String.join(" | ", t)).append(" |\n");
            }
            md.append("\n| scenario | PostgreSQL req/s | p50 ms | p99 ms | CPU ms/req | errors | SQLite req/s | p50 ms | p99 ms | CPU ms/req | errors |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (String name : pgs.keySet()) {
                Map<String, Object> a = (Map<String, Object>) pgs.get(name);
                Map<String, Object> b = (Map<String, Object>) ls.get(name);
                md.append("| ").append(name).append(" | ").append(row(a)).append(" | ").append(row(b)).append(" |\n");
            }
            md.append(String.format(Locale.ROOT, "%npgbench ceiling: SELECT %.0f tps, INSERT %.0f tps, list page + count %.0f tps, bulk INSERT %.0f rows/s. Start-up: PostgreSQL %.2f s, SQLite %.2f s. Peak RSS: PostgreSQL %.0f MiB, SQLite %.0f MiB.%n",
                    ceiling.get("select_tps"), ceiling.get("insert_tps"), ceiling.get("list_tps"), ceiling.get("bulk_rows_per_s"), pg.get("startup_s"), lite.get("startup_s"),
                    pg.get("peak_rss_mib"), lite.get("peak_rss_mib")));
            Files.writeString(dir.resolve("latest.md"), md.toString());
            Files.writeString(dir.resolve("latest.json"), Json.write(results) + "\n");
            Files.writeString(dir.resolve("latest.svg"), Chart.svg(pgs, ls, ceiling));
            System.out.println();
            System.out.println(md);
        }

        @SuppressWarnings("unchecked")
        private static double rps(Map<String, Object> scenarios, String name) {
            return (double) ((Map<String, Object>) scenarios.get(name)).get("rps");
        }

        @SuppressWarnings("unchecked")
        private static long errors(Map<String, Object> scenarios) {
            return scenarios.values().stream().mapToLong(s -> (long) ((Map<String, Object>) s).get("errors")).sum();
        }

        private static double ratio(double a, double b) {
            return b == 0 ? 0 : round(a / b, 3);
        }

        private static String[] target(String figure, double value, String target, double bound, boolean atLeast) {
            boolean met = atLeast ? value >= bound : value <= bound;
            String shown = value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
            return new String[] {figure, shown, target, met ? "yes" : "**no**"};
        }

        private static String row(Map<String, Object> s) {
            return String.format(Locale.ROOT, "%.0f | %.2f | %.2f | %.3f | %d", s.get("rps"), s.get("p50_ms"), s.get("p99_ms"),
                    s.get("cpu_ms_per_request"), s.get("errors"));
        }
    }

    /**
     * bench/results/latest.svg: requests per second per scenario, PostgreSQL and SQLite side by side,
     * with PostgreSQL's own ceiling (pgbench of the same statements) as a line over the scenarios that
     * have one. Plain SVG text: no library, readable without a legend hunt (every bar is labelled).
     */
    static final class Chart {
        private static final Map<String, String> CEILINGS = Map.of("get_product", "select_tps", "post_product", "insert_tps",
                "list_products", "list_tps", "cursor_first_page", "cursor_tps", "cursor_page_90pct", "cursor_tps");

        @SuppressWarnings("unchecked")
        static String svg(Map<String, Object> pg, Map<String, Object> lite, Map<String, Object> ceiling) {
            List<String> names = new ArrayList<>(pg.keySet());
            double max = 0;
            for (String name : names) {
                max = Math.max(max, Math.max(value(pg, name), value(lite, name)));
                if (CEILINGS.containsKey(name)) {
                    max = Math.max(max, (double) ceiling.get(CEILINGS.get(name)));
                }
            }
            int rowHeight = 46;
            int left = 190;
            int width = 900;
            int height = 70 + names.size() * rowHeight;
            double scale = (width - left - 120) / max;
            StringBuilder svg = new StringBuilder();
            svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                    + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
            svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            svg.append("<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Requests per second by scenario "
                    + "(higher is better)</text>\n");
            svg.append("<text x=\"10\" y=\"40\"><tspan fill=\"#1f77b4\">■ PostgreSQL</tspan>   <tspan fill=\"#ff7f0e\">■ SQLite"
                    + "</tspan>   <tspan fill=\"#d62728\">| PostgreSQL's own ceiling (pgbench, same statements)</tspan></text>\n");
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                int y = 60 + i * rowHeight;
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 8, y + 22, name));
                bar(svg, left, y + 4, value(pg, name) * scale, "#1f77b4", value(pg, name));
                bar(svg, left, y + 22, value(lite, name) * scale, "#ff7f0e", value(lite, name));
                if (CEILINGS.containsKey(name)) {
                    double c = (double) ceiling.get(CEILINGS.get(name));
                    double x = left + c * scale;
                    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" "
                            + "stroke-width=\"2\"/><text x=\"%.1f\" y=\"%d\" fill=\"#d62728\" font-size=\"10\">%.0f</text>%n",
                            x, y + 2, x, y + 40, x + 3, y + 10, c));
                }
            }
            return svg.append("</svg>\n").toString();
        }

        private static void bar(StringBuilder svg, int x, int y, double length, String colour, double value) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\">%.0f</text>%n", x, y, Math.max(1, length), colour, x + length + 4, y + 12, value));
        }

        @SuppressWarnings("unchecked")
        private static double value(Map<String, Object> scenarios, String name) {
            Object s = scenarios.get(name);
            return s == null ? 0 : (double) ((Map<String, Object>) s).get("rps");
        }
    }

    /** Results written with Jackson, in the order they were measured. */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();

        static String write(Object value) throws IOException {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        }
    }
}

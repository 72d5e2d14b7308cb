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
import java.util.Optional;
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

    /** One scenario: what wrk measured, and the service's CPU time per request meanwhile. */
    record Scenario(double rps, long requests, double p50Ms, double p99Ms, long non2xx, long socketErrors,
                    double cpuMsPerRequest) {
        long errors() {
            return non2xx + socketErrors;
        }

        Scenario withCpuMsPerRequest(double cpu) {
            return new Scenario(rps, requests, p50Ms, p99Ms, non2xx, socketErrors, cpu);
        }
    }

    /** The service on one database: start-up, every scenario in the order run, peak memory. */
    record ServiceRun(double startupS, Map<String, Scenario> scenarios, double peakRssMib) {
        double rps(String scenario) {
            return scenarios.get(scenario).rps();
        }

        long errors() {
            return scenarios.values().stream().mapToLong(Scenario::errors).sum();
        }
    }

    /** PostgreSQL's own ceiling in the same run: pgbench of the statements the service runs. */
    record Ceiling(double selectTps, double cursorTps, double listTps, double insertTps, double bulkRowsPerS, String server) {
    }

    record Machine(String date, int cpus, String cpu, double memoryGib, String java) {
    }

    record Settings(int durationS, int connections, int wrkThreads, boolean requestLog) {
    }

    /** One figure judged against its target: at least (or at most) {@code bound}; "-" is context, never failed. */
    record Target(String figure, double value, String target, double bound, boolean atLeast) {
        boolean met() {
            return target.equals("-") || (atLeast ? value >= bound : value <= bound);
        }
    }

    /**
     * @param postgresqlWithStandby reads on a hot standby of the same server ({@code DATABASE_READ_URL});
     *                              no scenarios when the benchmark runs against a server of yours
     */
    record Results(Machine machine, Settings settings, Ceiling pgbench, ServiceRun postgresql,
                   ServiceRun postgresqlWithStandby, ServiceRun viaPgbouncer, ServiceRun viaHaproxy, ServiceRun sqlite,
                   Map<String, List<CurvePoint>> curve) {
    }

    /** The cost curve: the same reads and writes at one size of the products table. */
    record CurvePoint(int rows, Map<String, Scenario> scenarios) {
    }

    /** The table sizes of the cost curve. */
    static final int[] CURVE_ROWS = {10_000, 100_000, 1_000_000};

    Bench(Path root, int seconds, int connections) throws IOException {
        this.root = root;
        this.seconds = seconds;
        this.connections = connections;
        this.work = Files.createTempDirectory("dbref-bench-");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        if (args.length > 1 && args[1].equals("--median")) {
            List<Path> runs = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                runs.add(Path.of(args[i]));
            }
            Report.median(root.resolve("bench/results"), runs);
            return;
        }
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
        Machine machine = machine();
        Settings settings = new Settings(seconds, connections, threads, false);
        Postgres pg = Postgres.start(System.getenv("BENCH_DATABASE_URL"));
        Ceiling ceiling;
        ServiceRun postgres;
        ServiceRun withStandby;
        ServiceRun viaPgbouncer;
        ServiceRun viaHaproxy;
        try {
            double[] reads = new double[3];
            // The read ceilings run on the freshly loaded data set, before any write scenario grows it.
            postgres = benchService("postgresql", pg.serviceUrl(), () -> {
                // Statistics and the visibility map, as autovacuum would give them a minute after the
                // load: without them the first plans are guesses and index-only scans read the heap.
                pg.execute("VACUUM ANALYZE");
                reads[0] = (pg.pgbench(work, connections, threads, seconds, """
                        \\set id random(1, %d)
                        SELECT id, name, name_key, description, price, quantity, version, created_at, updated_at FROM products WHERE id = :id;
                        """.formatted(PRODUCTS)));
                reads[1] = (pg.pgbench(work, connections, threads, seconds, """
                        \\set after random(0, %d)
                        SELECT id, name, description, price, quantity, version, created_at, updated_at FROM products WHERE id >= :after AND id > :after ORDER BY id LIMIT 21;
                        """.formatted(PRODUCTS - 21)));
                reads[2] = (pg.pgbench(work, connections, threads, seconds, """
                        \\set skip random(0, %d)
                        SELECT p.id, p.name, p.description, p.price, p.quantity, p.version, p.created_at, p.updated_at FROM products p JOIN (SELECT id FROM products ORDER BY id LIMIT 20 OFFSET :skip) page ON p.id = page.id ORDER BY p.id;
                        SELECT count(*) FROM products;
                        """.formatted(PRODUCTS - 20)));
            });
            // The same unit of work as the service's POST: one transaction around the INSERT.
            double insert = pg.pgbench(work, connections, threads, seconds, """
                    BEGIN;
                    INSERT INTO products (name, name_key, description, price, quantity, version, created_at, updated_at) VALUES ('pgbench', 'pgbench', NULL, 9.99, 1, 1, now(), now()) RETURNING *;
                    COMMIT;
                    """);
            double bulkRows = BULK_ITEMS * pg.pgbench(work, connections, threads, seconds, Scripts.bulkInsertSql());
            ceiling = new Ceiling(reads[0], reads[1], reads[2], insert, bulkRows, pg.version());
            withStandby = pg.embedded == null
                    ? new ServiceRun(0, Map.of(), 0)
                    : benchWithStandby(pg);
            viaPgbouncer = benchViaPgbouncer(pg);
            viaHaproxy = benchViaHaproxy(pg);
        } finally {
            pg.close();
        }
        ServiceRun sqlite = benchService("sqlite", "sqlite:" + work.resolve("bench.db"), () -> { });
        Map<String, List<CurvePoint>> curve = new LinkedHashMap<>();
        Postgres fresh = Postgres.start(System.getenv("BENCH_DATABASE_URL"));
        try {
            curve.put("postgresql", curve("postgresql", fresh.serviceUrl(), () -> fresh.execute("VACUUM ANALYZE")));
        } finally {
            fresh.close();
        }
        curve.put("sqlite", curve("sqlite", "sqlite:" + work.resolve("curve.db"), () -> { }));
        Report.write(root.resolve("bench/results"), new Results(machine, settings, ceiling, postgres, withStandby, viaPgbouncer, viaHaproxy, sqlite, curve));
    }

    /**
     * The same reads with a hot standby of the benchmark's server (made as the tests make one, by a
     * base backup), next to the primary alone: by id, the list page and the cursor page from the
     * standby, and a read by id that carries a write's {@code Consistency-Token}. The data set is
     * the one already loaded, replicated. On one machine the standby shares the two cores.
     */
    ServiceRun benchWithStandby(Postgres pg) throws Exception {
        System.out.println("== postgresql with a hot standby");
        try (dev.dbref.persistence.Standby standby = dev.dbref.persistence.Standby.of(pg.host + ":" + pg.port, pg.user,
                pg.password, "bench_standby")) {
            String read = "postgresql://" + pg.user + (pg.password.isEmpty() ? "" : ":" + pg.password) + "@127.0.0.1:"
                    + standby.port() + "/" + pg.database;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!reachable(standby, pg.database)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the standby did not receive the benchmark's database");
                }
                Thread.sleep(50);
            }
            Service service = Service.start(root, Map.of("DATABASE_URL", pg.serviceUrl(), "DATABASE_READ_URL", read),
                    work.resolve("standby-service.log"));
            try {
                Http http = new Http(service.port);
                String token = http.consistencyTokenOfWrite("/products", Scripts.productJson(7));
                wrk(service, "warmup", Scripts.getProduct(), Math.min(10, seconds), connections);
                Map<String, Scenario> scenarios = new LinkedHashMap<>();
                scenarios.put("get_product", scenario(service, "standby_get_product", Scripts.getProduct(), connections));
                scenarios.put("list_products", scenario(service, "standby_list_products", Scripts.listProducts(), connections));
                scenarios.put("cursor_first_page", scenario(service, "standby_cursor_first_page", Scripts.cursorPage(""), connections));
                scenarios.put("get_product_with_token", scenario(service, "standby_get_with_token",
                        Scripts.withHeader(Scripts.getProduct(), "Consistency-Token", token), connections));
                return new ServiceRun(service.startupSeconds, scenarios, service.peakRssMiB());
            } finally {
                service.stop();
            }
        }
    }

    /** GET by id and POST with the service behind PgBouncer in transaction mode (deploy/pgbouncer.ini). */
    ServiceRun benchViaPgbouncer(Postgres pg) throws Exception {
        System.out.println("== postgresql through PgBouncer (transaction pooling)");
        int port = freePort();
        Path users = work.resolve("pgbouncer-users.txt");
        Files.writeString(users, "\"" + pg.user + "\" \"" + pg.password + "\"\n");
        Path ini = work.resolve("pgbouncer.ini");
        Files.writeString(ini, Files.readString(root.resolve("deploy/pgbouncer.ini"))
                .replace("@PRIMARY_HOST@", pg.host).replace("@PRIMARY_PORT@", String.valueOf(pg.port))
                .replace("@LISTEN_HOST@", "127.0.0.1").replace("@LISTEN_PORT@", String.valueOf(port))
                .replace("@POOL_SIZE@", "20").replace("@AUTH_TYPE@", pg.password.isEmpty() ? "trust" : "plain")
                .replace("@AUTH_FILE@", users.toString()).replace("@ADMIN_USER@", pg.user));
        work.toFile().setExecutable(true, false);
        work.toFile().setReadable(true, false);
        List<String> command = new ArrayList<>(List.of("pgbouncer"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody")); // PgBouncer refuses to run as root
        }
        command.add(ini.toString());
        Process bouncer = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("pgbouncer.log").toFile()).start();
        try {
            waitForPort(port, bouncer);
            String url = "postgresql://" + pg.user + (pg.password.isEmpty() ? "" : ":" + pg.password) + "@127.0.0.1:" + port
                    + "/" + pg.database + "?pgbouncer=true";
            Service service = Service.start(root, Map.of("DATABASE_URL", url, "MIGRATION_DATABASE_URL", pg.serviceUrl()),
                    work.resolve("pgbouncer-service.log"));
            try {
                return writesAndReads(service, "pgbouncer");
            } finally {
                service.stop();
            }
        } finally {
            bouncer.destroy();
            bouncer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** GET by id and POST through HAProxy (deploy/haproxy.cfg) to two instances. */
    ServiceRun benchViaHaproxy(Postgres pg) throws Exception {
        System.out.println("== postgresql, two instances behind HAProxy");
        Service first = Service.start(root, pg.serviceUrl(), work.resolve("haproxy-instance1.log"));
        Service second = Service.start(root, pg.serviceUrl(), work.resolve("haproxy-instance2.log"));
        int port = freePort();
        Path cfg = work.resolve("haproxy.cfg");
        Files.writeString(cfg, Files.readString(root.resolve("deploy/haproxy.cfg"))
                .replace("@LISTEN_HOST@", "127.0.0.1").replace("@LISTEN_PORT@", String.valueOf(port))
                .replace("@SERVERS@", "    server instance1 127.0.0.1:" + first.port + " check\n"
                        + "    server instance2 127.0.0.1:" + second.port + " check"));
        Process haproxy = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile()).start();
        try {
            waitForPort(port, haproxy);
            Service front = new Service(haproxy, port, first.startupSeconds);
            // Both instances must be in rotation before measuring: HAProxy needs two good checks each.
            Thread.sleep(Duration.ofSeconds(2));
            return writesAndReads(front, "haproxy");
        } finally {
            haproxy.destroy();
            first.stop();
            second.stop();
        }
    }

    private ServiceRun writesAndReads(Service service, String label) throws Exception {
        wrk(service, "warmup", Scripts.getProduct(), Math.min(10, seconds), connections);
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("get_product", scenario(service, label + "_get_product", Scripts.getProduct(), connections));
        scenarios.put("post_product", scenario(service, label + "_post_product", Scripts.postProduct(), connections));
        return new ServiceRun(service.startupSeconds, scenarios, 0);
    }

    private static void waitForPort(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("nothing listens on " + port);
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * Grows a fresh products table through 10,000, 100,000 and 1,000,000 rows (bulk requests, the
     * service's own path) and measures, at each size: GET by id, the first cursor page, a cursor page at
     * 90 % depth, the offset page with its exact total, and POST.
     */
    List<CurvePoint> curve(String name, String databaseUrl, Step settle) throws Exception {
        System.out.println("== cost curve, " + name);
        Service service = Service.start(root, databaseUrl, work.resolve(name + "-curve-service.log"));
        try {
            Http http = new Http(service.port);
            List<CurvePoint> points = new ArrayList<>();
            int loaded = 0;
            for (int rows : CURVE_ROWS) {
                int from = loaded;
                http.parallel((rows - from) / BULK_ITEMS, batch -> http.expect(201, "POST", "/products/bulk",
                        IntStream.range(from + batch * BULK_ITEMS, from + (batch + 1) * BULK_ITEMS).mapToObj(Scripts::productJson)
                                .collect(Collectors.joining(",", "[", "]"))));
                loaded = rows;
                settle.run();
                if (points.isEmpty()) {
                    // The first size must not measure the JIT's compilation: warm up as the main run does.
                    wrk(service, "warmup", Scripts.getProduct(rows), Math.min(20, 2 * seconds), connections);
                    wrk(service, "warmup", Scripts.cursorPage(""), Math.min(10, seconds), connections);
                }
                System.out.println("   " + rows + " rows");
                String deep = http.cursorAfter("/products?limit=20&total=none&skip=" + (rows * 9 / 10));
                Map<String, Scenario> scenarios = new LinkedHashMap<>();
                scenarios.put("get_product", scenario(service, name + "_" + rows + "_get", Scripts.getProduct(rows), connections));
                scenarios.put("cursor_first_page", scenario(service, name + "_" + rows + "_cursor", Scripts.cursorPage(""), connections));
                scenarios.put("cursor_page_90pct", scenario(service, name + "_" + rows + "_cursor90", Scripts.cursorPage(deep), connections));
                scenarios.put("offset_page_exact_total", scenario(service, name + "_" + rows + "_offset", Scripts.listProducts(rows), connections));
                scenarios.put("post_product", scenario(service, name + "_" + rows + "_post", Scripts.postProduct(), connections));
                points.add(new CurvePoint(rows, scenarios));
            }
            return points;
        } finally {
            service.stop();
        }
    }

    private static boolean reachable(dev.dbref.persistence.Standby standby, String database) {
        try (Connection ignored = standby.connect(database)) {
            return true;
        } catch (java.sql.SQLException notYet) {
            return false;
        }
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

    ServiceRun benchService(String name, String databaseUrl, Step beforeScenarios) throws Exception {
        System.out.println("== " + name);
        Service service = Service.start(root, databaseUrl, work.resolve(name + "-service.log"));
        try {
            load(service);
            // The JIT needs a while: without this the first scenarios measure compilation.
            wrk(service, "warmup", Scripts.getProduct(), Math.min(20, 2 * seconds), connections);
            wrk(service, "warmup", Scripts.listProducts(), Math.min(10, seconds), connections);
            beforeScenarios.run();
            Map<String, Scenario> scenarios = new LinkedHashMap<>();
            scenarios.put("get_product", scenario(service, "get_product", Scripts.getProduct(), connections));
            scenarios.put("list_products", scenario(service, "list_products", Scripts.listProducts(), connections));
            scenarios.put("cursor_first_page", scenario(service, "cursor_first_page", Scripts.cursorPage(""), connections));
            String deep = new Http(service.port).cursorAfter("/products?limit=20&total=none&skip=" + (PRODUCTS * 9 / 10));
            scenarios.put("cursor_page_90pct", scenario(service, "cursor_page_90pct", Scripts.cursorPage(deep), connections));
            scenarios.put("users_include_posts", scenario(service, "users_include_posts", Scripts.usersWithPosts(), connections));
            scenarios.put("patch_product", scenario(service, "patch_product", Scripts.patchProduct(), connections));
            scenarios.put("post_product", scenario(service, "post_product", Scripts.postProduct(), connections));
            scenarios.put("post_bulk_1000", scenario(service, "post_bulk_1000", Scripts.postBulk(), connections));
            return new ServiceRun(service.startupSeconds, scenarios, service.peakRssMiB());
        } finally {
            service.stop();
        }
    }

    Scenario scenario(Service service, String name, String script, int conns) throws Exception {
        double cpuBefore = service.cpuSeconds();
        Scenario measured = wrk(service, name, script, seconds, conns);
        double cpu = service.cpuSeconds() - cpuBefore;
        Scenario r = measured.withCpuMsPerRequest(measured.requests() == 0 ? 0 : Report.round(cpu * 1000 / measured.requests(), 3));
        System.out.printf(Locale.ROOT, "   %-20s %10.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n", name,
                r.rps(), r.p50Ms(), r.p99Ms(), r.errors());
        return r;
    }

    Scenario wrk(Service service, String name, String script, int duration, int conns) throws Exception {
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

    static Machine machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        double memoryGib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Report.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0, 1)).orElse(0.0);
        return new Machine(Instant.now().toString(), Runtime.getRuntime().availableProcessors(), cpu, memoryGib,
                System.getProperty("java.version"));
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
            return start(root, Map.of("DATABASE_URL", databaseUrl), log);
        }

        /** @param env {@code DATABASE_URL} and whatever else this run sets */
        static Service start(Path root, Map<String, String> env, Path log) throws Exception {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/serve").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
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
            return getProduct(PRODUCTS);
        }

        static String getProduct(int rows) {
            return "request = function() return wrk.format('GET', '/products/' .. math.random(1, " + rows + ")) end\n";
        }

        static String listProducts() {
            return listProducts(PRODUCTS);
        }

        static String listProducts(int rows) {
            return "request = function() return wrk.format('GET', '/products?limit=20&skip=' .. math.random(0, "
                    + (rows - 20) + ")) end\n";
        }

        /** The first page without a count, or the page after {@code cursor} (already URL-encoded). */
        static String cursorPage(String cursor) {
            return "wrk.path = '/products?limit=20&total=none" + (cursor.isEmpty() ? "" : "&after=" + cursor) + "'\n";
        }

        /** {@code script} with one more request header. */
        static String withHeader(String script, String name, String value) {
            return "wrk.headers['" + name + "'] = '" + value + "'\n" + script;
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

        static Scenario parse(String output) throws IOException {
            String line = output.lines().filter(l -> l.startsWith("WRK_RESULT ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output));
            JsonNode result = Json.MAPPER.readTree(line.substring("WRK_RESULT ".length()));
            long requests = result.get("requests").asLong();
            return new Scenario(Report.round(requests / (result.get("duration_us").asLong() / 1e6), 1), requests,
                    Report.round(result.get("p50_us").asLong() / 1000.0, 3), Report.round(result.get("p99_us").asLong() / 1000.0, 3),
                    result.get("non_2xx").asLong(), result.get("socket_errors").asLong(), 0);
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

        /** Makes a write and returns its {@code Consistency-Token}. */
        String consistencyTokenOfWrite(String path, String body) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.headers().firstValue("Consistency-Token")
                    .orElseThrow(() -> new IllegalStateException("no Consistency-Token on " + r.statusCode() + " " + r.body()));
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

        static void write(Path dir, Results results) throws IOException {
            Files.createDirectories(dir);
            ServiceRun pg = results.postgresql();
            ServiceRun lite = results.sqlite();
            Ceiling ceiling = results.pgbench();

            double get = pg.rps("get_product");
            double list = pg.rps("list_products");
            double post = pg.rps("post_product");
            double bulkRows = pg.rps("post_bulk_1000") * BULK_ITEMS;
            long errors = pg.errors() + lite.errors();
            double peakRss = Math.max(pg.peakRssMib(), lite.peakRssMib());
            double cursorFirst = pg.rps("cursor_first_page");

            List<Target> targets = new ArrayList<>();
            targets.add(new Target("GET /products/{id} req/s ÷ pgbench SELECT tps", ratio(get, ceiling.selectTps()), ">= 0.25", 0.25, true));
            targets.add(new Target("GET /products?limit=20 ÷ GET /products/{id}", ratio(list, get), ">= 0.5", 0.5, true));
            targets.add(new Target("(context) GET /products?limit=20 ÷ pgbench of its two statements", ratio(list, ceiling.listTps()), "-", 0, true));
            targets.add(new Target("cursor page (limit 20, total=none) ÷ GET /products/{id}", ratio(cursorFirst, get), ">= 0.5", 0.5, true));
            targets.add(new Target("cursor page at 90 % depth ÷ first cursor page (" + PRODUCTS + " rows)",
                    ratio(pg.rps("cursor_page_90pct"), cursorFirst), ">= 0.8", 0.8, true));
            targets.add(new Target("(context) cursor page ÷ pgbench of its statement", ratio(cursorFirst, ceiling.cursorTps()), "-", 0, true));
            targets.add(new Target("POST /products req/s ÷ pgbench BEGIN/INSERT/COMMIT tps", ratio(post, ceiling.insertTps()), ">= 0.8", 0.8, true));
            targets.add(new Target("bulk rows/s ÷ single POST rows/s", ratio(bulkRows, post), ">= 50", 50, true));
            targets.add(new Target("bulk rows/s ÷ pgbench rows/s of the same INSERT", ratio(bulkRows, ceiling.bulkRowsPerS()), ">= 0.9", 0.9, true));
            targets.add(new Target("p99 GET /products/{id}, " + results.settings().connections() + " connections (ms)",
                    pg.scenarios().get("get_product").p99Ms(), "<= 20", 20, false));
            targets.add(new Target("errors in any scenario (both databases)", errors, "0", 0, false));
            targets.add(new Target("start-up to healthy, SQLite, JVM included (s)", lite.startupS(), "<= 1.0", 1.0, false));
            targets.add(new Target("peak RSS under load (MiB)", peakRss, "<= 128", 128, false));
            targets.add(new Target("SQLite POST /products req/s", lite.rps("post_product"), ">= 5000", 5000, true));
            List<CurvePoint> pgCurve = results.curve().get("postgresql");
            if (pgCurve.size() == CURVE_ROWS.length) {
                Map<String, Scenario> small = pgCurve.getFirst().scenarios();
                Map<String, Scenario> large = pgCurve.getLast().scenarios();
                targets.add(new Target("GET by id at 1,000,000 rows ÷ at 10,000 (PostgreSQL)",
                        ratio(large.get("get_product").rps(), small.get("get_product").rps()), ">= 0.8", 0.8, true));
                targets.add(new Target("cursor page at 90 % depth ÷ first cursor page, at 1,000,000 rows (PostgreSQL)",
                        ratio(large.get("cursor_page_90pct").rps(), large.get("cursor_first_page").rps()), ">= 0.8", 0.8, true));
            }

            StringBuilder md = new StringBuilder();
            Machine machine = results.machine();
            md.append("Run ").append(machine.date()).append(" on ").append(machine.cpus()).append(" × ")
                    .append(machine.cpu()).append(", ").append(machine.memoryGib()).append(" GiB, Java ")
                    .append(machine.java()).append("; PostgreSQL ").append(ceiling.server())
                    .append(" with durable commits; ").append(results.settings()).append(".\n\n");
            md.append("| figure | measured | target | met |\n|---|---|---|---|\n");
            for (Target t : targets) {
                md.append("| ").append(t.figure()).append(" | ").append(shown(t.value())).append(" | ").append(t.target())
                        .append(" | ").append(t.met() ? "yes" : "**no**").append(" |\n");
            }
            md.append("\n| scenario | PostgreSQL req/s | p50 ms | p99 ms | CPU ms/req | errors | SQLite req/s | p50 ms | p99 ms | CPU ms/req | errors |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (String name : pg.scenarios().keySet()) {
                md.append("| ").append(name).append(" | ").append(row(pg.scenarios().get(name))).append(" | ")
                        .append(row(lite.scenarios().get(name))).append(" |\n");
            }
            md.append(String.format(Locale.ROOT, "%npgbench ceiling: SELECT %.0f tps, INSERT %.0f tps, list page + count %.0f tps, cursor page %.0f tps, bulk INSERT %.0f rows/s. Start-up: PostgreSQL %.2f s, SQLite %.2f s. Peak RSS: PostgreSQL %.0f MiB, SQLite %.0f MiB.%n",
                    ceiling.selectTps(), ceiling.insertTps(), ceiling.listTps(), ceiling.cursorTps(), ceiling.bulkRowsPerS(),
                    pg.startupS(), lite.startupS(), pg.peakRssMib(), lite.peakRssMib()));
            ServiceRun standby = results.postgresqlWithStandby();
            if (!standby.scenarios().isEmpty()) {
                md.append(String.format(Locale.ROOT, "%nWith a hot standby (reads there, `DATABASE_READ_URL`): GET by id %.0f req/s"
                                + " = %.2f × the primary alone; list page %.2f ×; cursor page %.2f ×; a GET by id carrying a"
                                + " Consistency-Token (one more statement on the standby: has it replayed the write?) %.2f × a GET"
                                + " without one. Standby and primary share the machine's two cores.%n",
                        standby.rps("get_product"), ratio(standby.rps("get_product"), get),
                        ratio(standby.rps("list_products"), list), ratio(standby.rps("cursor_first_page"), cursorFirst),
                        ratio(standby.rps("get_product_with_token"), standby.rps("get_product"))));
            }
            for (var proxied : List.of(Map.entry("Through PgBouncer (transaction pooling, `pgbouncer=true`)", results.viaPgbouncer()),
                    Map.entry("Through HAProxy to two instances", results.viaHaproxy()))) {
                ServiceRun via = proxied.getValue();
                md.append(String.format(Locale.ROOT, "%n%s: GET by id %.0f req/s = %.2f × direct; POST %.0f req/s = %.2f × direct.%n",
                        proxied.getKey(), via.rps("get_product"), ratio(via.rps("get_product"), get),
                        via.rps("post_product"), ratio(via.rps("post_product"), post)));
            }
            md.append("\nCost curve: requests per second as the products table grows (a fresh table, loaded in bulk).\n\n")
                    .append("| database | rows | GET by id | first cursor page | cursor page at 90 % | offset page + exact total | POST |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            results.curve().forEach((database, points) -> points.forEach(point -> md.append(String.format(Locale.ROOT,
                    "| %s | %,d | %.0f | %.0f | %.0f | %.0f | %.0f |%n", database, point.rows(),
                    point.scenarios().get("get_product").rps(), point.scenarios().get("cursor_first_page").rps(),
                    point.scenarios().get("cursor_page_90pct").rps(), point.scenarios().get("offset_page_exact_total").rps(),
                    point.scenarios().get("post_product").rps()))));
            Files.writeString(dir.resolve("latest-curve.svg"), Chart.curve(results.curve()));
            Files.writeString(dir.resolve("latest.md"), md.toString());
            com.fasterxml.jackson.databind.node.ObjectNode json = Json.MAPPER.valueToTree(results);
            json.set("targets", Json.MAPPER.valueToTree(targets));
            Files.writeString(dir.resolve("latest.json"), Json.write(json) + "\n");
            Files.writeString(dir.resolve("latest.svg"), Chart.svg(pg, lite, ceiling));
            System.out.println();
            System.out.println(md);
        }

        private static double ratio(double a, double b) {
            return b == 0 ? 0 : round(a / b, 3);
        }

        private static String shown(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
        }

        /**
         * bench/results/median.md: each target's median over several runs' latest.json (bench/run --runs N),
         * as the targets are judged on the median of three runs, not on one.
         */
        static void median(Path dir, List<Path> runs) throws IOException {
            List<List<Target>> perRun = new ArrayList<>();
            List<String> dates = new ArrayList<>();
            for (Path run : runs) {
                com.fasterxml.jackson.databind.JsonNode json = Json.MAPPER.readTree(run.toFile());
                dates.add(json.path("machine").path("date").asText());
                perRun.add(List.of(Json.MAPPER.treeToValue(json.get("targets"), Target[].class)));
            }
            StringBuilder md = new StringBuilder("Median of " + runs.size() + " runs of bench/run (" + String.join(", ", dates)
                    + "); each run's full figures are in run-N.json.\n\n| figure | "
                    + java.util.stream.IntStream.rangeClosed(1, runs.size()).mapToObj(i -> "run " + i).collect(Collectors.joining(" | "))
                    + " | median | target | met |\n|---|" + "---|".repeat(runs.size()) + "---|---|---|\n");
            for (int t = 0; t < perRun.getFirst().size(); t++) {
                Target first = perRun.getFirst().get(t);
                List<Double> values = new ArrayList<>();
                for (List<Target> run : perRun) {
                    values.add(run.get(t).value());
                }
                List<Double> sorted = values.stream().sorted().toList();
                double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                        : round((sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2, 3);
                Target judged = new Target(first.figure(), median, first.target(), first.bound(), first.atLeast());
                md.append("| ").append(first.figure()).append(" | ")
                        .append(values.stream().map(Report::shown).collect(Collectors.joining(" | ")))
                        .append(" | ").append(shown(median)).append(" | ").append(first.target()).append(" | ")
                        .append(first.target().equals("-") ? "-" : judged.met() ? "yes" : "**no**").append(" |\n");
            }
            Files.writeString(dir.resolve("median.md"), md.toString());
            System.out.println(md);
        }

        private static String row(Scenario s) {
            return String.format(Locale.ROOT, "%.0f | %.2f | %.2f | %.3f | %d", s.rps(), s.p50Ms(), s.p99Ms(),
                    s.cpuMsPerRequest(), s.errors());
        }
    }

    /**
     * bench/results/latest.svg: requests per second per scenario, PostgreSQL and SQLite side by side,
     * with PostgreSQL's own ceiling (pgbench of the same statements) as a line over the scenarios that
     * have one. Plain SVG text: no library, readable without a legend hunt (every bar is labelled).
     */
    static final class Chart {
        /** The ceiling that belongs to a scenario, where pgbench runs the same statements. */
        private static Optional<Double> ceilingOf(String scenario, Ceiling ceiling) {
            return Optional.ofNullable(switch (scenario) {
                case "get_product" -> ceiling.selectTps();
                case "post_product" -> ceiling.insertTps();
                case "list_products" -> ceiling.listTps();
                case "cursor_first_page", "cursor_page_90pct" -> ceiling.cursorTps();
                default -> null;
            });
        }

        static String svg(ServiceRun postgres, ServiceRun sqlite, Ceiling ceiling) {
            Map<String, Scenario> pg = postgres.scenarios();
            Map<String, Scenario> lite = sqlite.scenarios();
            List<String> names = new ArrayList<>(pg.keySet());
            double max = 0;
            for (String name : names) {
                max = Math.max(max, Math.max(value(pg, name), value(lite, name)));
                max = Math.max(max, ceilingOf(name, ceiling).orElse(0.0));
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
                Optional<Double> top = ceilingOf(name, ceiling);
                if (top.isPresent()) {
                    double c = top.get();
                    double x = left + c * scale;
                    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" "
                            + "stroke-width=\"2\"/><text x=\"%.1f\" y=\"%d\" fill=\"#d62728\" font-size=\"10\">%.0f</text>%n",
                            x, y + 2, x, y + 40, x + 3, y + 10, c));
                }
            }
            return svg.append("</svg>\n").toString();
        }

        /** Requests per second against table size (log scale), one line per scenario and database. */
        static String curve(Map<String, List<CurvePoint>> curve) {
            String[] scenarios = {"get_product", "cursor_first_page", "cursor_page_90pct", "offset_page_exact_total", "post_product"};
            String[] colours = {"#1f77b4", "#2ca02c", "#17becf", "#d62728", "#9467bd"};
            double max = 1;
            for (List<CurvePoint> points : curve.values()) {
                for (CurvePoint p : points) {
                    for (Scenario s : p.scenarios().values()) {
                        max = Math.max(max, s.rps());
                    }
                }
            }
            int width = 900;
            int plotTop = 60;
            int plotHeight = 330;
            int left = 70;
            int right = 250;
            StringBuilder svg = new StringBuilder();
            svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                    + "font-family=\"sans-serif\" font-size=\"12\">%n", width, plotTop + plotHeight + 50));
            svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            svg.append("<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Requests per second as the table grows"
                    + " (solid: PostgreSQL, dashed: SQLite)</text>\n");
            double sizes = CURVE_ROWS.length - 1;
            for (int i = 0; i < CURVE_ROWS.length; i++) {
                double x = left + i / sizes * (width - left - right);
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d rows</text>%n",
                        x, plotTop + plotHeight + 20, CURVE_ROWS[i]));
            }
            for (int k = 0; k <= 4; k++) {
                double value = max * k / 4;
                double y = plotTop + plotHeight - plotHeight * k / 4.0;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n", left, y, width - right, y, left - 5, y + 4, value));
            }
            int legend = 0;
            for (var entry : curve.entrySet()) {
                boolean dashed = !entry.getKey().equals("postgresql");
                for (int s = 0; s < scenarios.length; s++) {
                    StringBuilder points = new StringBuilder();
                    List<CurvePoint> line = entry.getValue();
                    for (int i = 0; i < line.size(); i++) {
                        double x = left + i / sizes * (width - left - right);
                        double y = plotTop + plotHeight - plotHeight * line.get(i).scenarios().get(scenarios[s]).rps() / max;
                        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                    }
                    svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                            points.toString().strip(), colours[s], dashed ? " stroke-dasharray=\"6,4\"" : ""));
                    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s %s</text>%n",
                            width - right + 10, plotTop + 12 + 16 * legend++, colours[s], entry.getKey(), scenarios[s]));
                }
            }
            return svg.append("</svg>\n").toString();
        }

        private static void bar(StringBuilder svg, int x, int y, double length, String colour, double value) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\">%.0f</text>%n", x, y, Math.max(1, length), colour, x + length + 4, y + 12, value));
        }

        private static double value(Map<String, Scenario> scenarios, String name) {
            Scenario s = scenarios.get(name);
            return s == null ? 0 : s.rps();
        }
    }

    /** Results written with Jackson, in the order they were measured. */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

        static String write(Object value) throws IOException {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        }
    }
}

package dev.dbref.bench;

import dev.dbref.testkit.HaProxy;
import dev.dbref.testkit.PgBouncer;
import dev.dbref.testkit.Standby;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    final Wrk wrk;

    /** The table sizes of the cost curve. */
    static final int[] CURVE_ROWS = {10_000, 100_000, 1_000_000};

    Bench(Path root, int seconds, int connections) throws IOException {
        this.root = root;
        this.seconds = seconds;
        this.connections = connections;
        this.work = Files.createTempDirectory("dbref-bench-");
        this.wrk = new Wrk(work, threads, seconds);
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
        boolean peerOnly = false;
        boolean authOnly = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--duration" -> seconds = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--peer-only" -> peerOnly = true;
                case "--auth-only" -> authOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Bench bench = new Bench(root, seconds, connections);
        try {
            if (peerOnly) {
                bench.sideBySideOnly();
            } else if (authOnly) {
                bench.authCostOnly();
            } else {
                bench.run();
            }
        } catch (Exception | Error e) {
            System.err.println("bench: failed; service logs and scripts are kept in " + bench.work);
            throw e;
        }
        bench.deleteWork();
    }

    void run() throws Exception {
        Machine machine = Machine.of();
        Settings settings = new Settings(seconds, connections, threads, false);
        Postgres pg = Postgres.start(System.getenv("BENCH_DATABASE_URL"));
        Ceiling ceiling;
        ServiceRun postgres;
        ServiceRun withStandby;
        ServiceRun viaPgbouncer;
        ServiceRun viaHaproxy;
        Optional<SideBySide> peer;
        try {
            double[] reads = new double[3];
            // The read ceilings run on the freshly loaded data set, before any write scenario grows it.
            postgres = benchService("postgresql", pg.serviceUrl(), () -> {
                // Statistics and the visibility map, as autovacuum would give them a minute after the
                // load: without them the first plans are guesses and index-only scans read the heap.
                pg.execute("VACUUM ANALYZE");
                reads[0] = pgbenchPointSelect(pg);
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
            ceiling = new Ceiling(reads[0], reads[1], reads[2], insert, pgbenchPatch(pg), bulkRows, pg.version());
            peer = peerFolder().isPresent() ? Optional.of(SideBySide.run(this, pg, peerFolder().get())) : Optional.empty();
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
        if (peer.isPresent()) {
            peer.get().write(root.resolve("bench/results"));
        }
    }

    /** {@code bench/run --peer-only}: the side-by-side step alone, a few minutes instead of the whole run. */
    void sideBySideOnly() throws Exception {
        Path folder = peerFolder().orElseThrow(() -> new IllegalStateException(
                "--peer-only needs the peer: set BENCH_PEER to its folder (../shared/peers/quarkus-panache)"));
        try (Postgres pg = Postgres.start(System.getenv("BENCH_DATABASE_URL"))) {
            SideBySide.run(this, pg, folder).write(root.resolve("bench/results"));
        }
    }

    /** {@code bench/run --auth-only}: what bearer tokens cost GET by id, alone (about two minutes). */
    void authCostOnly() throws Exception {
        try (Postgres pg = Postgres.start(System.getenv("BENCH_DATABASE_URL"))) {
            AuthCost.run(this, pg).write(root.resolve("bench/results"));
        }
    }

    /** {@code BENCH_PEER}: the folder of a peer with a {@code run.sh}; the benchmark runs without one. */
    static Optional<Path> peerFolder() {
        String folder = System.getenv("BENCH_PEER");
        return folder == null || folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder).toAbsolutePath());
    }

    /** pgbench of GET by id's statement. */
    double pgbenchPointSelect(Postgres pg) throws Exception {
        return pg.pgbench(work, connections, threads, seconds, """
                \\set id random(1, %d)
                SELECT id, name, name_key, description, price, quantity, version, created_at, updated_at FROM products WHERE id = :id;
                """.formatted(PRODUCTS));
    }

    /** pgbench of PATCH {"quantity": n}'s unit of work: one transaction around the UPDATE. */
    double pgbenchPatch(Postgres pg) throws Exception {
        return pg.pgbench(work, connections, threads, seconds, """
                \\set id random(1, %d)
                \\set q random(0, 1000)
                BEGIN;
                UPDATE products SET quantity = :q, version = version + 1, updated_at = now() WHERE id = :id RETURNING id, name, name_key, description, price, quantity, version, created_at, updated_at;
                COMMIT;
                """.formatted(PRODUCTS));
    }

    /**
     * The same reads with a hot standby of the benchmark's server (made as the tests make one, by a
     * base backup), next to the primary alone: by id, the list page and the cursor page from the
     * standby, and a read by id that carries a write's {@code Consistency-Token}. The data set is
     * the one already loaded, replicated. On one machine the standby shares the two cores.
     */
    ServiceRun benchWithStandby(Postgres pg) throws Exception {
        System.out.println("== postgresql with a hot standby");
        try (Standby standby = Standby.of(pg.host + ":" + pg.port, pg.user, pg.password, "bench_standby")) {
            String read = "postgresql://" + pg.user + (pg.password.isEmpty() ? "" : ":" + pg.password) + "@127.0.0.1:"
                    + standby.port() + "/" + pg.database;
            standby.awaitDatabase(pg.database);
            Service service = Service.start(root, Map.of("DATABASE_URL", pg.serviceUrl(), "DATABASE_READ_URL", read),
                    work.resolve("standby-service.log"));
            try {
                Seeder http = new Seeder(service.port);
                String token = http.consistencyTokenOfWrite("/products", Scripts.productJson(7));
                wrk.run(service, "warmup", Scripts.getProduct(), Math.min(10, seconds), connections);
                Map<String, Scenario> scenarios = new LinkedHashMap<>();
                scenarios.put("get_product", wrk.scenario(service, "standby_get_product", Scripts.getProduct(), connections));
                scenarios.put("list_products", wrk.scenario(service, "standby_list_products", Scripts.listProducts(), connections));
                scenarios.put("cursor_first_page", wrk.scenario(service, "standby_cursor_first_page", Scripts.cursorPage(""), connections));
                scenarios.put("get_product_with_token", wrk.scenario(service, "standby_get_with_token",
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
        try (PgBouncer bouncer = PgBouncer.start(pg.host + ":" + pg.port, pg.user, pg.password, 20)) {
            Service service = Service.start(root, Map.of("DATABASE_URL", bouncer.urlOf(pg.serviceUrl(), "?pgbouncer=true"),
                    "MIGRATION_DATABASE_URL", pg.serviceUrl()), work.resolve("pgbouncer-service.log"));
            try {
                return writesAndReads(service, "pgbouncer");
            } finally {
                service.stop();
            }
        }
    }

    /** GET by id and POST through HAProxy (deploy/haproxy.cfg) to two instances. */
    ServiceRun benchViaHaproxy(Postgres pg) throws Exception {
        System.out.println("== postgresql, two instances behind HAProxy");
        Service first = Service.start(root, pg.serviceUrl(), work.resolve("haproxy-instance1.log"));
        Service second = Service.start(root, pg.serviceUrl(), work.resolve("haproxy-instance2.log"));
        try (HaProxy haproxy = HaProxy.start(List.of(first.port, second.port))) {
            // Both instances must be in rotation before measuring: HAProxy needs two good checks of each
            // ("rise 2", every 500 ms), which its template does not expose; a benchmark may wait that long.
            Thread.sleep(Duration.ofSeconds(2));
            Service front = new Service(haproxy.process(), haproxy.port(), first.startupSeconds);
            return writesAndReads(front, "haproxy");
        } finally {
            first.stop();
            second.stop();
        }
    }

    private ServiceRun writesAndReads(Service service, String label) throws Exception {
        wrk.run(service, "warmup", Scripts.getProduct(), Math.min(10, seconds), connections);
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("get_product", wrk.scenario(service, label + "_get_product", Scripts.getProduct(), connections));
        scenarios.put("post_product", wrk.scenario(service, label + "_post_product", Scripts.postProduct(), connections));
        return new ServiceRun(service.startupSeconds, scenarios, 0);
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
            Seeder http = new Seeder(service.port);
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
                    wrk.run(service, "warmup", Scripts.getProduct(rows), Math.min(20, 2 * seconds), connections);
                    wrk.run(service, "warmup", Scripts.cursorPage(""), Math.min(10, seconds), connections);
                }
                System.out.println("   " + rows + " rows");
                String deep = http.cursorAfter("/products?limit=20&total=none&skip=" + (rows * 9 / 10));
                Map<String, Scenario> scenarios = new LinkedHashMap<>();
                scenarios.put("get_product", wrk.scenario(service, name + "_" + rows + "_get", Scripts.getProduct(rows), connections));
                scenarios.put("cursor_first_page", wrk.scenario(service, name + "_" + rows + "_cursor", Scripts.cursorPage(""), connections));
                scenarios.put("cursor_page_90pct", wrk.scenario(service, name + "_" + rows + "_cursor90", Scripts.cursorPage(deep), connections));
                scenarios.put("offset_page_exact_total", wrk.scenario(service, name + "_" + rows + "_offset", Scripts.listProducts(rows), connections));
                scenarios.put("post_product", wrk.scenario(service, name + "_" + rows + "_post", Scripts.postProduct(), connections));
                points.add(new CurvePoint(rows, scenarios));
            }
            return points;
        } finally {
            service.stop();
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

    ServiceRun benchService(String name, String databaseUrl, Step beforeScenarios) throws Exception {
        System.out.println("== " + name);
        Service service = Service.start(root, databaseUrl, work.resolve(name + "-service.log"));
        try {
            load(service);
            // The JIT needs a while: without this the first scenarios measure compilation.
            wrk.run(service, "warmup", Scripts.getProduct(), Math.min(20, 2 * seconds), connections);
            wrk.run(service, "warmup", Scripts.listProducts(), Math.min(10, seconds), connections);
            beforeScenarios.run();
            Map<String, Scenario> scenarios = new LinkedHashMap<>();
            scenarios.put("get_product", wrk.scenario(service, "get_product", Scripts.getProduct(), connections));
            scenarios.put("list_products", wrk.scenario(service, "list_products", Scripts.listProducts(), connections));
            scenarios.put("cursor_first_page", wrk.scenario(service, "cursor_first_page", Scripts.cursorPage(""), connections));
            String deep = new Seeder(service.port).cursorAfter("/products?limit=20&total=none&skip=" + (PRODUCTS * 9 / 10));
            scenarios.put("cursor_page_90pct", wrk.scenario(service, "cursor_page_90pct", Scripts.cursorPage(deep), connections));
            scenarios.put("users_include_posts", wrk.scenario(service, "users_include_posts", Scripts.usersWithPosts(), connections));
            scenarios.put("patch_product", wrk.scenario(service, "patch_product", Scripts.patchProduct(), connections));
            scenarios.put("post_product", wrk.scenario(service, "post_product", Scripts.postProduct(), connections));
            scenarios.put("post_bulk_1000", wrk.scenario(service, "post_bulk_1000", Scripts.postBulk(), connections));
            return new ServiceRun(service.startupSeconds, scenarios, service.peakRssMiB());
        } finally {
            service.stop();
        }
    }

    /** 10,000 products in 10 bulk requests; 1,000 users with 5 posts each. */
    void load(Service service) throws Exception {
        Seeder http = new Seeder(service.port);
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



}

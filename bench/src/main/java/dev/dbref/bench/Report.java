package dev.dbref.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** bench/results/latest.json and latest.md: the figures, the ratios and the targets. */
final class Report {
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
        double bulkRows = pg.rps("post_bulk_1000") * Bench.BULK_ITEMS;
        long errors = pg.errors() + lite.errors();
        double peakRss = Math.max(pg.peakRssMib(), lite.peakRssMib());
        double cursorFirst = pg.rps("cursor_first_page");

        List<Target> targets = new ArrayList<>();
        targets.add(new Target("GET /products/{id} req/s ÷ pgbench SELECT tps", ratio(get, ceiling.selectTps()), ">= 0.25", 0.25, true));
        targets.add(new Target("GET /products?limit=20 ÷ GET /products/{id}", ratio(list, get), ">= 0.5", 0.5, true));
        targets.add(new Target("(context) GET /products?limit=20 ÷ pgbench of its two statements", ratio(list, ceiling.listTps()), "-", 0, true));
        targets.add(new Target("cursor page (limit 20, total=none) ÷ GET /products/{id}", ratio(cursorFirst, get), ">= 0.5", 0.5, true));
        targets.add(new Target("cursor page at 90 % depth ÷ first cursor page (" + Bench.PRODUCTS + " rows)",
                ratio(pg.rps("cursor_page_90pct"), cursorFirst), ">= 0.8", 0.8, true));
        targets.add(new Target("(context) cursor page ÷ pgbench of its statement", ratio(cursorFirst, ceiling.cursorTps()), "-", 0, true));
        targets.add(new Target("POST /products req/s ÷ pgbench BEGIN/INSERT/COMMIT tps", ratio(post, ceiling.insertTps()), ">= 0.8", 0.8, true));
        targets.add(new Target("(context) PATCH /products/{id} req/s ÷ pgbench BEGIN/UPDATE/COMMIT tps",
                ratio(pg.rps("patch_product"), ceiling.patchTps()), "-", 0, true));
        targets.add(new Target("bulk rows/s ÷ single POST rows/s", ratio(bulkRows, post), ">= 50", 50, true));
        targets.add(new Target("bulk rows/s ÷ pgbench rows/s of the same INSERT", ratio(bulkRows, ceiling.bulkRowsPerS()), ">= 0.9", 0.9, true));
        targets.add(new Target("p99 GET /products/{id}, " + results.settings().connections() + " connections (ms)",
                pg.scenarios().get("get_product").p99Ms(), "<= 20", 20, false));
        targets.add(new Target("errors in any scenario (both databases)", errors, "0", 0, false));
        targets.add(new Target("start-up to healthy, SQLite, JVM included (s)", lite.startupS(), "<= 1.0", 1.0, false));
        targets.add(new Target("peak RSS under load (MiB)", peakRss, "<= 128", 128, false));
        targets.add(new Target("SQLite POST /products req/s", lite.rps("post_product"), ">= 5000", 5000, true));
        List<CurvePoint> pgCurve = results.curve().get("postgresql");
        if (pgCurve.size() == Bench.CURVE_ROWS.length) {
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

package dev.dbref.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service and the peer on the same PostgreSQL cluster, each on a database of its own with the
 * same 10,000 products, one after the other with the same warm-up and the same wrk load, and
 * pgbench of the statements both run, in the same sitting: {@code bench/results/peer.md}.
 *
 * @param ceiling pgbench of the point SELECT and of the PATCH's transaction, at the same concurrency
 */
record SideBySide(Map<String, Scenario> service, Map<String, Scenario> peer, double servicePeakRssMib,
                  double peerPeakRssMib, Map<String, Double> ceiling) {
    /** The scenarios both serve: the peer has no cursors, embeds or bulk. */
    static final List<String> SCENARIOS = List.of("get_product", "list_products", "patch_product", "post_product");
    /** As the peer's README measured it: the JIT settles within this. */
    static final int WARMUP_SECONDS = 30;

    static SideBySide run(Bench bench, Postgres pg, Path peerFolder) throws Exception {
        Map<String, Double> ceiling = new LinkedHashMap<>();
        Postgres ours = pg.newDatabase("side_by_side");
        Service service = Service.start(bench.root, ours.serviceUrl(), bench.work.resolve("side-service.log"));
        Map<String, Scenario> measured;
        double ourRss;
        try {
            bench.load(service);
            ours.execute("VACUUM ANALYZE");
            measured = measure(bench, service, "service");
            ourRss = service.peakRssMiB();
        } finally {
            service.stop();
        }
        Service peer = Peer.start(peerFolder, pg, bench.work.resolve("side-peer.log"));
        Map<String, Scenario> theirs;
        double theirRss;
        try {
            theirs = measure(bench, peer, "peer");
            theirRss = peer.peakRssMiB();
        } finally {
            peer.stop();
        }
        ceiling.put("select", bench.pgbenchPointSelect(ours));
        ceiling.put("patch", bench.pgbenchPatch(ours));
        return new SideBySide(measured, theirs, ourRss, theirRss, ceiling);
    }

    private static Map<String, Scenario> measure(Bench bench, Service target, String who) throws Exception {
        bench.wrk.run(target, who + "_warmup", Scripts.getProduct(), WARMUP_SECONDS, bench.connections);
        bench.wrk.run(target, who + "_warmup_list", Scripts.listProducts(), 5, bench.connections);
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        // Reads first, on the same 10,000 rows for both: the writes grow each table by what each
        // one manages to insert, and the list's exact count grows with it.
        scenarios.put("get_product", bench.wrk.scenario(target, who + "_get_product", Scripts.getProduct(), bench.connections));
        scenarios.put("list_products", bench.wrk.scenario(target, who + "_list_products", Scripts.listProducts(), bench.connections));
        scenarios.put("patch_product", bench.wrk.scenario(target, who + "_patch_product", Scripts.patchProduct(), bench.connections));
        scenarios.put("post_product", bench.wrk.scenario(target, who + "_post_product", Scripts.postProduct(), bench.connections));
        return scenarios;
    }

    /** One table: both rows of each scenario, and the ratios the performance targets judge. */
    String markdown() {
        StringBuilder md = new StringBuilder("| scenario | service req/s | p99 ms | CPU ms/req | peer req/s | p99 ms | CPU ms/req | service ÷ peer |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (String name : SCENARIOS) {
            Scenario s = service.get(name);
            Scenario p = peer.get(name);
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.3f | %.0f | %.1f | %.3f | %.2f |%n", name, s.rps(), s.p99Ms(),
                    s.cpuMsPerRequest(), p.rps(), p.p99Ms(), p.cpuMsPerRequest(), p.rps() == 0 ? 0 : s.rps() / p.rps()));
        }
        md.append(String.format(Locale.ROOT, "%nPeak RSS: service %.0f MiB, peer %.0f MiB (%.2f ×). pgbench at the same "
                        + "concurrency: point SELECT %.0f tps (GET ÷ it: service %.3f, peer %.3f), the PATCH's BEGIN/UPDATE/COMMIT "
                        + "%.0f tps (PATCH ÷ it: service %.3f, peer %.3f).%n",
                servicePeakRssMib, peerPeakRssMib, peerPeakRssMib == 0 ? 0 : servicePeakRssMib / peerPeakRssMib,
                ceiling.get("select"), service.get("get_product").rps() / ceiling.get("select"),
                peer.get("get_product").rps() / ceiling.get("select"), ceiling.get("patch"),
                service.get("patch_product").rps() / ceiling.get("patch"), peer.get("patch_product").rps() / ceiling.get("patch")));
        return md.toString();
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("peer.md"), markdown());
        Files.writeString(dir.resolve("peer.json"), Json.write(Json.MAPPER.valueToTree(this)) + "\n");
        System.out.println();
        System.out.println(markdown());
    }
}

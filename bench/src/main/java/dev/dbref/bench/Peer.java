package dev.dbref.bench;

import dev.dbref.testkit.Ports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The peer to measure against ({@code ../shared/peers/quarkus-panache}, or the folder in
 * {@code BENCH_PEER}), started by its own {@code run.sh} on a database of its own in the same
 * PostgreSQL cluster, which it seeds with the same 10,000 products.
 */
final class Peer {
    /** Its first start builds it with Maven. */
    private static final Duration FIRST_START = Duration.ofMinutes(15);

    private Peer() {
    }

    static Service start(Path folder, Postgres pg, Path log) throws Exception {
        Path script = folder.resolve("run.sh");
        if (!Files.isExecutable(script) && !Files.isRegularFile(script)) {
            throw new IllegalStateException("no run.sh in " + folder + " (BENCH_PEER)");
        }
        String url = pg.newDatabase("peer").serviceUrl();
        int port = Ports.free();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), url, String.valueOf(port));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        System.out.println("== peer (" + folder.getFileName() + ")");
        return Service.startUntilHealthy(builder, port, log, FIRST_START);
    }
}

package dev.dbref.bench;

import dev.dbref.testkit.Ports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The service as a separate process, started the way a user starts it (bin/serve). */
final class Service {
    final ProcessHandle process;
    final int port;
    final double startupSeconds;

    Service(ProcessHandle process, int port, double startupSeconds) {
        this.process = process;
        this.port = port;
        this.startupSeconds = startupSeconds;
    }

    static Service start(Path root, String databaseUrl, Path log) throws Exception {
        return start(root, Map.of("DATABASE_URL", databaseUrl), log);
    }

    /** @param env {@code DATABASE_URL} and whatever else this run sets */
    static Service start(Path root, Map<String, String> env, Path log) throws Exception {
        int port = Ports.free();
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/serve").toString());
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("REQUEST_LOG", "false");
        return startUntilHealthy(builder, port, log, Duration.ofSeconds(60));
    }

    /** Starts {@code builder}'s process and waits until {@code /observe/health} on {@code port} answers 200. */
    static Service startUntilHealthy(ProcessBuilder builder, int port, Path log, Duration patience) throws Exception {
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
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
            if (!process.isAlive() || System.nanoTime() - start > patience.toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException(builder.command().getFirst() + " did not become healthy; see " + log);
            }
            Thread.sleep(5);
        }
        double startup = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "   healthy after %.2f s (JVM start included)%n", startup);
        return new Service(process.toHandle(), port, Report.round(startup, 3));
    }

    /** User plus system CPU time of the service process so far, as the JDK reports it. */
    double cpuSeconds() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this system reports no CPU time for processes"))
                .toNanos() / 1e9;
    }

    double peakRssMiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmHWM")).findFirst()
                .map(l -> Report.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0, 1)).orElse(0.0);
    }

    void stop() throws Exception {
        process.destroy();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (TimeoutException stuck) {
            process.destroyForcibly();
        }
    }
}

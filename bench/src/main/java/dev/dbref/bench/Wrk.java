package dev.dbref.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * wrk's figures from its own Lua {@code done()} hook, which every script gets appended: one
 * line of JSON, read with Jackson, instead of parsing wrk's report for people.
 */
final class Wrk {
    private final Path work;
    private final int threads;
    private final int seconds;

    /** @param work where the Lua scripts go; {@code threads} and {@code seconds} are wrk's -t and -d */
    Wrk(Path work, int threads, int seconds) {
        this.work = work;
        this.threads = threads;
        this.seconds = seconds;
    }

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

    Scenario scenario(Service service, String name, String script, int conns) throws Exception {
        double cpuBefore = service.cpuSeconds();
        Scenario measured = run(service, name, script, seconds, conns);
        double cpu = service.cpuSeconds() - cpuBefore;
        Scenario r = measured.withCpuMsPerRequest(measured.requests() == 0 ? 0 : Report.round(cpu * 1000 / measured.requests(), 3));
        System.out.printf(Locale.ROOT, "   %-20s %10.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n", name,
                r.rps(), r.p50Ms(), r.p99Ms(), r.errors());
        return r;
    }

    Scenario run(Service service, String name, String script, int duration, int conns) throws Exception {
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
}

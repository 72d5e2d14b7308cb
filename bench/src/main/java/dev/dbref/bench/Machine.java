package dev.dbref.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The machine a run measured on, as its results record it. */
record Machine(String date, int cpus, String cpu, double memoryGib, String java) {
    static Machine of() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        double memoryGib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> Report.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0, 1)).orElse(0.0);
        return new Machine(Instant.now().toString(), Runtime.getRuntime().availableProcessors(), cpu, memoryGib,
                System.getProperty("java.version"));
    }
}

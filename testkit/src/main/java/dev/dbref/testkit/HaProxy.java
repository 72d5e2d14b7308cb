package dev.dbref.testkit;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A real HAProxy (the distribution's package) from {@code deploy/haproxy.cfg}, in front of instances on loopback. */
public final class HaProxy implements AutoCloseable {
    private final Process process;
    private final int port;

    private HaProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static HaProxy start(List<Integer> instancePorts) throws IOException {
        Path dir = Files.createTempDirectory("dbref-haproxy-");
        int port = Ports.free();
        String servers = IntStream.range(0, instancePorts.size())
                .mapToObj(i -> "    server instance" + (i + 1) + " 127.0.0.1:" + instancePorts.get(i) + " check")
                .collect(Collectors.joining("\n"));
        String cfg = DeployFile.read("haproxy.cfg")
                .replace("@LISTEN_HOST@", "127.0.0.1").replace("@LISTEN_PORT@", String.valueOf(port))
                .replace("@SERVERS@", servers);
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, cfg);
        Process process = new ProcessBuilder("haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        Eventually.until("HAProxy listens on " + port, () -> Tcp.listening(port) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("HAProxy did not start: " + Files.readString(dir.resolve("haproxy.log")));
        }
        return new HaProxy(process, port);
    }

    /** The HAProxy process, for a benchmark that measures what it costs. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}

package dev.dbref.bootstrap;

import dev.dbref.persistence.Tcp;
import dev.dbref.persistence.Eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A real HAProxy (the distribution's package) from {@code deploy/haproxy.cfg}, in front of instances on loopback. */
final class HaProxy implements AutoCloseable {
    private final Process process;
    private final int port;

    private HaProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static HaProxy start(List<Integer> instancePorts) throws IOException {
        Path dir = Files.createTempDirectory("dbref-haproxy-");
        int port = freePort();
        String servers = IntStream.range(0, instancePorts.size())
                .mapToObj(i -> "    server instance" + (i + 1) + " 127.0.0.1:" + instancePorts.get(i) + " check")
                .collect(Collectors.joining("\n"));
        String cfg = Files.readString(Path.of("..", "deploy", "haproxy.cfg"))
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

    int port() {
        return port;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}

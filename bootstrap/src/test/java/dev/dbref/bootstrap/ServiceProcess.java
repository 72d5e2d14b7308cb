package dev.dbref.bootstrap;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service as a separate JVM ({@code Main serve} on the test classpath), its output collected line by line. */
final class ServiceProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private ServiceProcess(Process process) {
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().start(this::readOutput);
    }

    /** Starts on a free port of 127.0.0.1 with the production logging configuration. */
    static ServiceProcess start(Map<String, String> env, String... jvmOptions) throws Exception {
        return launch(env, List.of(jvmOptions), "serve");
    }

    /** Runs another subcommand ({@code migrate}, {@code check}) in its own JVM. */
    static ServiceProcess run(Map<String, String> env, String subcommand) throws Exception {
        return launch(env, List.of(), subcommand);
    }

    private static ServiceProcess launch(Map<String, String> env, List<String> jvmOptions, String subcommand)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Djava.util.logging.config.file="
                + Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("logging.properties"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), subcommand));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PORT", "0");
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().putAll(env);
        return new ServiceProcess(builder.start());
    }

    /** The port it listens on, once it says so. */
    int port() throws Exception {
        return port.get(30, TimeUnit.SECONDS);
    }

    String outputText() {
        return String.join("\n", output);
    }

    /** Waits for the exit and for the last output line. */
    boolean waitForExit(long seconds) throws InterruptedException {
        boolean exited = process.waitFor(seconds, TimeUnit.SECONDS);
        reader.join(5_000);
        return exited;
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
            port.completeExceptionally(new IllegalStateException("the service exited before listening:\n" + outputText()));
        } catch (Exception e) {
            port.completeExceptionally(e);
        }
    }

    /** SIGTERM, as an orchestrator stops a service; {@code Process.destroy()} would also close our end of its output. */
    void terminate() throws Exception {
        new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}

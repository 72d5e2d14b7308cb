package dev.dbref.bootstrap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Clients that send GETs and POSTs without pause, and a prober that asks readiness and liveness
 * four times a second, each call recorded with its start, duration and answer. The HTTP client
 * waits 60 s: a request the service does not bound shows as a long duration, not as a client error.
 * Bounded by itself: every loop ends when {@link #close()} is called, and the test always calls it.
 */
final class NetworkLoad implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Duration CLIENT_WAIT = Duration.ofSeconds(60);

    /** One call: when it started and ended (nanoTime), and what came back; status 0 when the client itself failed. */
    record Sample(String what, long startNanos, long endNanos, int status, boolean retryAfter, String body) {
        Duration took() {
            return Duration.ofNanos(endNanos - startNanos);
        }

        boolean startedWithin(long fromNanos, long toNanos) {
            return startNanos >= fromNanos && startNanos < toNanos;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final long productId;
    private final ConcurrentLinkedQueue<Sample> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Sample> probes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads;
    private volatile boolean stopped;

    /** Starts {@code clients} clients against {@code port}, reading {@code productId} and creating products. */
    NetworkLoad(int port, int clients, long productId) {
        this.base = "http://127.0.0.1:" + port;
        this.productId = productId;
        Stream<Thread> workers = IntStream.range(0, clients)
                .mapToObj(i -> Thread.ofVirtual().name("load-" + i).start(this::clientLoop));
        this.threads = Stream.concat(workers, Stream.of(Thread.ofVirtual().name("prober").start(this::probeLoop))).toList();
    }

    private void clientLoop() {
        while (!stopped) {
            if (ThreadLocalRandom.current().nextBoolean()) {
                Sample s = call("GET /products/{id}", HttpRequest.newBuilder(URI.create(base + "/products/" + productId)).GET());
                requests.add(s);
            } else {
                Sample s = call("POST /products", HttpRequest.newBuilder(URI.create(base + "/products"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"under fault\", \"price\": 1}")));
                requests.add(s);
                if (s.status() == 201) {
                    Matcher m = ID.matcher(s.body());
                    if (m.find()) {
                        acknowledged.add(Long.parseLong(m.group(1)));
                    }
                }
            }
        }
    }

    private void probeLoop() {
        while (!stopped) {
            probes.add(call("ready", HttpRequest.newBuilder(URI.create(base + "/observe/health")).GET()));
            probes.add(call("live", HttpRequest.newBuilder(URI.create(base + "/observe/health/live")).GET()));
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Sample call(String what, HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request.timeout(CLIENT_WAIT).build(), HttpResponse.BodyHandlers.ofString());
            return new Sample(what, start, System.nanoTime(), r.statusCode(), r.headers().firstValue("Retry-After").isPresent(),
                    r.body());
        } catch (Exception e) {
            return new Sample(what, start, System.nanoTime(), 0, false, String.valueOf(e));
        }
    }

    List<Sample> requests() {
        return List.copyOf(requests);
    }

    List<Sample> readiness() {
        return probes.stream().filter(s -> s.what().equals("ready")).toList();
    }

    List<Sample> liveness() {
        return probes.stream().filter(s -> s.what().equals("live")).toList();
    }

    /** Ids of the products whose creation was answered 201. */
    List<Long> acknowledgedWrites() {
        return List.copyOf(acknowledged);
    }

    /** Stops every loop and waits for the calls in flight. */
    @Override
    public void close() {
        stopped = true;
        for (Thread t : threads) {
            try {
                t.join(CLIENT_WAIT.plusSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

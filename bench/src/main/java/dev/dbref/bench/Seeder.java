package dev.dbref.bench;

import dev.dbref.testkit.Http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;

/** Loads the data set and reads what the scenarios need, through the tests' HTTP client. */
final class Seeder {
    private final Http http;

    Seeder(int port) {
        this.http = new Http(port);
    }

    /** Sends {@code body} as JSON and fails unless the service answers {@code status}. */
    void expect(int status, String method, String path, String body) {
        Http.Reply reply = http.send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
        if (reply.status() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + reply);
        }
    }

    /** Makes a write and returns its {@code Consistency-Token}. */
    String consistencyTokenOfWrite(String path, String body) {
        Http.Reply reply = http.post(path, body);
        String token = reply.header("Consistency-Token");
        if (token == null) {
            throw new IllegalStateException("no Consistency-Token on " + reply);
        }
        return token;
    }

    /** The {@code next} cursor of the list page at {@code path}, URL-encoded for a query string. */
    String cursorAfter(String path) {
        Http.Reply reply = http.get(path);
        var next = reply.json().path("next");
        if (!next.isTextual()) {
            throw new IllegalStateException("no next cursor at " + path + ": " + reply);
        }
        return URLEncoder.encode(next.asText(), StandardCharsets.UTF_8);
    }

    /** Runs {@code call} for 0..count-1, 16 at a time, and fails if any call failed. */
    void parallel(int count, IntConsumer call) throws Exception {
        Semaphore slots = new Semaphore(16);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                all.add(threads.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        call.accept(n);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
    }
}

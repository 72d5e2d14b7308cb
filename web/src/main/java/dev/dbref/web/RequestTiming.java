package dev.dbref.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;

import java.util.Locale;

/**
 * Times each request and writes {@code Server-Timing: db;dur=..;desc="n queries", app;dur=..},
 * so that a browser's dev tools show how many statements a request ran and how long they took.
 * Each request runs on its own virtual thread, start to end, so a thread-local holds its start.
 */
final class RequestTiming implements Filter {
    private static final HeaderName SERVER_TIMING = HeaderNames.create("Server-Timing");
    private static final ThreadLocal<Started> CURRENT = new ThreadLocal<>();

    private final StatementStats stats;

    RequestTiming(StatementStats stats) {
        this.stats = stats;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        stats.begin();
        CURRENT.set(new Started(System.nanoTime(), stats));
        try {
            chain.proceed();
        } finally {
            CURRENT.remove();
        }
    }

    /** Called just before a response is sent. */
    static void addHeaders(ServerResponse res) {
        Started started = CURRENT.get();
        if (started == null) {
            return;
        }
        StatementStats.Snapshot db = started.stats().current();
        double appMillis = (System.nanoTime() - started.nanos()) / 1e6;
        String count = db.statements() == 1 ? "1 query" : db.statements() + " queries";
        res.header(SERVER_TIMING, String.format(Locale.ROOT, "db;dur=%.2f;desc=\"%s\", app;dur=%.2f",
                db.nanos() / 1e6, count, appMillis));
    }

    private record Started(long nanos, StatementStats stats) {
    }
}

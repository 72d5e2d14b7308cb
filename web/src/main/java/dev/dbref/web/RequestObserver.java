package dev.dbref.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Wraps every request: gives it an id (the caller's {@code X-Request-Id} when it is sane, else a
 * new one) returned as {@code X-Request-Id}, times it, records it in the HTTP metrics by route
 * template, and writes one request-log line: method, path, status, duration, statement count.
 */
final class RequestObserver implements Filter {
    static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger LOG = System.getLogger("dev.dbref.http");

    private final StatementStats stats;
    private final HttpMetrics metrics;
    private final boolean requestLog;

    RequestObserver(StatementStats stats, HttpMetrics metrics, boolean requestLog) {
        this.stats = stats;
        this.metrics = metrics;
        this.requestLog = requestLog;
    }

    /** 128 random bits as 32 hex digits; unique enough to find a request's log lines, and cheap. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex16(random.nextLong()) + hex16(random.nextLong());
    }

    private static String hex16(long bits) {
        String hex = Long.toHexString(bits);
        return "0".repeat(16 - hex.length()) + hex;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String id = req.headers().first(REQUEST_ID).filter(v -> SANE_ID.matcher(v).matches())
                .orElseGet(RequestObserver::newId);
        RequestContext context = RequestContext.begin(id, stats);
        res.header(REQUEST_ID, id);
        try {
            chain.proceed();
        } finally {
            long nanos = context.elapsedNanos();
            int status = res.status().code();
            String method = req.prologue().method().text();
            metrics.record(method, context.route() == null ? "unmatched" : context.route(), status, nanos);
            if (requestLog) {
                int statements = context.statements().statements();
                LOG.log(Level.INFO, String.format(Locale.ROOT, "%s %s %d %.1fms %d %s", method,
                        req.path().absolute().path(), status, nanos / 1e6, statements, statements == 1 ? "query" : "queries"));
            }
            RequestContext.end();
        }
    }
}

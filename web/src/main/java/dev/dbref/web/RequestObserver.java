package dev.dbref.web;

import dev.dbref.web.problem.Problem;
import dev.dbref.web.request.Consistency;
import dev.dbref.web.request.ConsistencyHeader;
import dev.dbref.web.request.RequestContext;
import dev.dbref.web.request.RequestLine;
import dev.dbref.web.request.RequestMetrics;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps every request: gives it an id (the caller's {@code X-Request-Id} when it is sane, else a
 * new one) returned as {@code X-Request-Id}, times it, records it in the HTTP metrics by route
 * template, and writes one request-log line: method, path, status, duration, statement count.
 */
final class RequestObserver implements Filter {
    static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** W3C Trace Context: {@code 00-<trace id>-<parent id>-<flags>}; an all-zero trace id is invalid. */
    static final HeaderName TRACEPARENT = HeaderNames.create("traceparent");
    private static final Pattern TRACE_CONTEXT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}.*");
    private static final Logger LOG = System.getLogger("dev.dbref.http");

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final RequestContext.BodyReading bodies;
    private final Consistency consistency;
    private final RequestMetrics metrics;
    private final boolean requestLog;

    RequestObserver(RequestContext.BodyReading bodies, Consistency consistency, RequestMetrics metrics, boolean requestLog) {
        this.bodies = bodies;
        this.consistency = consistency;
        this.metrics = metrics;
        this.requestLog = requestLog;
    }

    /** A read may carry a {@code Consistency-Token}: its reads must see the write it names. Writes ignore the header. */
    private static Optional<String> consistencyToken(RoutingRequest req, String method) {
        return method.equals("GET") || method.equals("HEAD") ? req.headers().first(ConsistencyHeader.NAME) : Optional.empty();
    }

    /** A token that is not ours is a 400, sent here. */
    private boolean refusedToken(RequestContext context, RoutingRequest req, RoutingResponse res) {
        if (context.consistencyToken().isEmpty() || consistency.issued(context.consistencyToken().get())) {
            return false;
        }
        Problem.of(Status.BAD_REQUEST_400, "the Consistency-Token header is not one this service issued;"
                + " send back the header of a write's response unchanged", req.path().absolute().path()).send(res);
        return true;
    }

    /** The trace id of a W3C {@code traceparent}: it becomes the request id, so logs and traces join. */
    static Optional<String> traceId(String traceparent) {
        Matcher m = TRACE_CONTEXT.matcher(traceparent.strip());
        if (!m.matches() || m.group(1).chars().allMatch(c -> c == '0') || traceparent.startsWith("ff")) {
            return Optional.empty();
        }
        return Optional.of(m.group(1));
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
        String id = req.headers().first(TRACEPARENT).flatMap(RequestObserver::traceId)
                .or(() -> req.headers().first(REQUEST_ID).filter(v -> SANE_ID.matcher(v).matches()))
                .orElseGet(RequestObserver::newId);
        String method = req.prologue().method().text();
        RequestContext.RequestKind kind = WRITES.contains(method) ? RequestContext.RequestKind.WRITE : RequestContext.RequestKind.READ;
        RequestContext context = RequestContext.begin(id, bodies, kind, consistencyToken(req, method));
        if (kind == RequestContext.RequestKind.WRITE) {
            context.committed(consistency.ofNoWrite());
        }
        res.header(REQUEST_ID, id);
        try {
            if (!refusedToken(context, req, res)) {
                chain.proceed();
            }
        } finally {
            long nanos = context.elapsedNanos();
            int status = res.status().code();
            // Any token is a valid HTTP method: made-up ones share one label, or a client could create series without end.
            String uri = context.route() != null ? context.route() : status == 404 ? "NOT_FOUND" : "UNKNOWN";
            metrics.record(METHODS.contains(method) ? method : "other", uri, status, nanos);
            if (requestLog) {
                LOG.log(Level.INFO, "{0}", new RequestLine(method, req.path().absolute().path(), uri, status, nanos / 1e6,
                        context.statements()));
            }
            RequestContext.end();
        }
    }
}

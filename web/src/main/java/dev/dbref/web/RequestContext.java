package dev.dbref.web;

import java.time.Duration;

/**
 * What the API knows about the request being served on the current thread: its id, when it
 * started, which route template it matched, and how its SQL statements are counted. Each request
 * runs start to end on its own virtual thread, so a thread-local holds it; the request observer
 * sets it first and clears it last.
 */
public final class RequestContext {
    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();
    private static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(20);

    private final String id;
    private final long startNanos;
    private final StatementStats stats;
    private final Consistency consistency;
    private final boolean writes;
    private String route;
    private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;

    private RequestContext(String id, long startNanos, StatementStats stats, Consistency consistency, boolean writes) {
        this.id = id;
        this.startNanos = startNanos;
        this.stats = stats;
        this.consistency = consistency;
        this.writes = writes;
    }

    /** @param writes whether the request's method changes data (POST, PUT, PATCH, DELETE) */
    static RequestContext begin(String id, StatementStats stats, Consistency consistency, boolean writes) {
        stats.begin();
        RequestContext context = new RequestContext(id, System.nanoTime(), stats, consistency, writes);
        CURRENT.set(context);
        return context;
    }

    static void end() {
        CURRENT.remove();
    }

    static RequestContext current() {
        return CURRENT.get();
    }

    /** The id of the request served on this thread, or {@code null}; log formatters add it to every line. */
    public static String currentRequestId() {
        RequestContext context = CURRENT.get();
        return context == null ? null : context.id;
    }

    static void routeMatched(String template) {
        RequestContext context = CURRENT.get();
        if (context != null) {
            context.route = template;
        }
    }

    String id() {
        return id;
    }

    Consistency consistency() {
        return consistency;
    }

    boolean writes() {
        return writes;
    }

    /** How long the body of the request on this thread may take to arrive (set by {@link BodyBudget}). */
    static Duration bodyTimeout() {
        RequestContext context = CURRENT.get();
        return context == null ? DEFAULT_BODY_TIMEOUT : context.bodyTimeout;
    }

    void bodyTimeout(Duration limit) {
        this.bodyTimeout = limit;
    }

    /** The matched path template, or {@code null} when no route matched (a 404). */
    String route() {
        return route;
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    StatementStats.Snapshot statements() {
        return stats.current();
    }
}

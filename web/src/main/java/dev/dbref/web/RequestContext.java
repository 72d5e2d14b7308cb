package dev.dbref.web;

import java.time.Duration;

/**
 * Everything the API keeps about the request being served on the current thread, in one place:
 * its id, start time, how its body is read, whether it writes, its consistency, the route
 * template it matched and the SQL statements it ran. Each request runs start to end on its own
 * virtual thread, so a thread-local holds it; {@link RequestObserver} sets it first and clears it
 * last. What is known at the start is final; the route and the statement figures accumulate.
 */
public final class RequestContext {
    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    private final String id;
    private final long startNanos;
    private final BodyReading bodies;
    private final Consistency consistency;
    private final boolean writes;
    private String route;
    private int statements;
    private long statementNanos;

    /** How request bodies are read: within a time limit that a {@link BodyDeadline} enforces. */
    record BodyReading(BodyDeadline deadline, Duration timeout) {
    }

    private RequestContext(String id, long startNanos, BodyReading bodies, Consistency consistency, boolean writes) {
        this.id = id;
        this.startNanos = startNanos;
        this.bodies = bodies;
        this.consistency = consistency;
        this.writes = writes;
    }

    /** @param writes whether the request's method changes data (POST, PUT, PATCH, DELETE) */
    static RequestContext begin(String id, BodyReading bodies, Consistency consistency, boolean writes) {
        RequestContext context = new RequestContext(id, System.nanoTime(), bodies, consistency, writes);
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

    /**
     * Counts a SQL statement the request on this thread ran, for {@code Server-Timing}; the
     * composition root calls it from the persistence adapter's statement listener.
     */
    public static void recordStatement(long nanos) {
        RequestContext context = CURRENT.get();
        if (context != null) {
            context.statements++;
            context.statementNanos += nanos;
        }
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

    BodyReading bodies() {
        return bodies;
    }

    Consistency consistency() {
        return consistency;
    }

    boolean writes() {
        return writes;
    }

    /** The matched path template, or {@code null} when no route matched (a 404). */
    String route() {
        return route;
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    int statements() {
        return statements;
    }

    long statementNanos() {
        return statementNanos;
    }
}

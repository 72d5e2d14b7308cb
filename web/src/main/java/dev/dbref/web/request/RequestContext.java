package dev.dbref.web.request;

import java.time.Duration;
import java.util.Optional;

/**
 * The one object that holds the request being served on the current thread: its id, start time,
 * how its body is read, whether it may write, the consistency token its client sent, the token its
 * writes committed, the route template it matched and the SQL statements it ran. Each request
 * runs start to end on its own virtual thread, so a thread-local holds it; {@link RequestObserver}
 * sets it first and clears it last. What is known at the start is final; the rest accumulates.
 *
 * <p>The composition root reads it through {@link #served()} to tell the persistence adapter
 * what the request declared (no other module keeps request state).
 */
public final class RequestContext {
    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    private final String id;
    private final long startNanos;
    private final BodyReading bodies;
    private final RequestKind kind;
    private final Optional<String> consistencyToken;
    private Optional<String> committedToken = Optional.empty();
    private String route;
    private int statements;
    private long statementNanos;

    /** How request bodies are read: within a time limit that a {@link BodyDeadline} enforces. */
    public record BodyReading(BodyDeadline deadline, Duration timeout) {
    }

    /** What a request may do, by its method. */
    public enum RequestKind {
        /** {@code GET}, {@code HEAD} and the other methods that change nothing. */
        READ,
        /** {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}. */
        WRITE
    }

    private RequestContext(String id, BodyReading bodies, RequestKind kind, Optional<String> consistencyToken) {
        this.id = id;
        this.startNanos = System.nanoTime();
        this.bodies = bodies;
        this.kind = kind;
        this.consistencyToken = consistencyToken;
    }

    /** @param consistencyToken the {@code Consistency-Token} of a read, already checked to be one of ours */
    public static RequestContext begin(String id, BodyReading bodies, RequestKind kind, Optional<String> consistencyToken) {
        RequestContext context = new RequestContext(id, bodies, kind, consistencyToken);
        CURRENT.set(context);
        return context;
    }

    /** The request served on this thread; empty outside one. */
    public static Optional<RequestContext> served() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void end() {
        CURRENT.remove();
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

    public static void routeMatched(String template) {
        RequestContext context = CURRENT.get();
        if (context != null) {
            context.route = template;
        }
    }

    String id() {
        return id;
    }

    public BodyReading bodies() {
        return bodies;
    }

    /** Decided by the method when the request began. */
    public RequestKind kind() {
        return kind;
    }

    /** The token of the write the client wants its reads to see; empty on writes and without the header. */
    public Optional<String> consistencyToken() {
        return consistencyToken;
    }

    /**
     * A write of this request committed; the response names it in its {@code Consistency-Token}.
     * A write request begins with the token of no write, for when it commits nothing.
     */
    public void committed(String token) {
        committedToken = Optional.of(token);
    }

    Optional<String> committedToken() {
        return committedToken;
    }

    /** The matched path template, or {@code null} when no route matched (a 404). */
    public String route() {
        return route;
    }

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    public int statements() {
        return statements;
    }

    long statementNanos() {
        return statementNanos;
    }
}

package dev.dbref.web;

import dev.dbref.web.auth.Admission;
import dev.dbref.web.docs.OpenApiRoutes;
import dev.dbref.web.http.RequestBodies;
import dev.dbref.web.http.Route;
import dev.dbref.web.observe.DatabaseProbe;
import dev.dbref.web.observe.DebugRoutes;
import dev.dbref.web.observe.MetricsText;
import dev.dbref.web.observe.ObserveRoutes;
import dev.dbref.web.paging.CursorCodec;
import dev.dbref.web.paging.Paging;
import dev.dbref.web.problem.ErrorResponses;
import dev.dbref.web.problem.ProblemDirectHandler;
import dev.dbref.web.products.ProductRoutes;
import dev.dbref.web.request.BodyDeadline;
import dev.dbref.web.request.Consistency;
import dev.dbref.web.request.Draining;
import dev.dbref.web.request.RequestContext;
import dev.dbref.web.request.RequestMetrics;
import dev.dbref.web.users.PostRoutes;
import dev.dbref.web.users.UserRoutes;
import dev.dbref.domain.usecase.ProductUseCases;
import dev.dbref.domain.usecase.PostUseCases;
import dev.dbref.domain.usecase.UserUseCases;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP adapter's entry point: the API's routes, its request observer and its error handling,
 * over the given use cases. The composition root adds the result to its web server.
 */
public final class Api {
    /** Request bodies above this size get 413; the rest of such a body is read and dropped, so the client sees the answer. */
    public static final int MAX_BODY_BYTES = RequestBodies.MAX_BYTES;

    /**
     * The transport's hard stop: a body declared or streamed beyond this is refused before routing
     * and the connection closed, so no one can make the server read without end.
     */
    public static final long HARD_BODY_LIMIT_BYTES = 8L * MAX_BODY_BYTES;

    private Api() {
    }

    /**
     * @param debug        who may see {@code /debug/connections}
     * @param bodies       how request bodies are admitted and read
     * @param requestLog   write one log line per request
     * @param cursorSecret signs list cursors; the same on every instance, so a cursor works on any of them
     * @param admission    who is let in, and how often
     */
    public record Options(DebugAccess debug, Bodies bodies, boolean requestLog, String cursorSecret, Admission admission) {
        @Override
        public String toString() {
            return "Options[debug=" + debug.enabled() + ", requestLog=" + requestLog + ", bodies=" + bodies + ", " + admission + "]";
        }
    }

    /**
     * @param enabled    serve {@code /debug/connections}, to holders of {@code adminToken} only
     * @param adminToken asked on each request ({@code ADMIN_TOKEN}, or {@code ADMIN_TOKEN_FILE} read again)
     */
    public record DebugAccess(boolean enabled, Supplier<Optional<String>> adminToken) {
        @Override
        public String toString() {
            return "DebugAccess[enabled=" + enabled + "]";
        }
    }

    /**
     * @param budgetBytes how many bytes of request bodies may be in hand at once (see {@link BodyBudget})
     * @param budgetWait  how long a request with a body may wait for that budget
     * @param timeout     how long an admitted body may take to arrive
     */
    public record Bodies(long budgetBytes, Duration budgetWait, Duration timeout) {
    }

    /** Where requests are reported, and how the metrics are read back for {@code /observe/metrics}. */
    public record Telemetry(RequestMetrics requests, MetricsText text) {
    }

    /** A body budget for this JVM: a sixteenth of the heap, since a parsed body takes several times its size. */
    public static long bodyBudgetFor(long maxHeapBytes) {
        return Math.max(MAX_BODY_BYTES, maxHeapBytes / 16);
    }

    /** @return the registered operations, e.g. {@code "GET /products/{id}"} */
    public static List<String> routing(HttpRouting.Builder routing, ProductUseCases products, UserUseCases users,
                                       PostUseCases posts, Consistency consistency, DatabaseProbe database,
                                       Draining draining, Telemetry telemetry, BodyDeadline deadline, Options options) {
        routing.addFilter(new RequestObserver(new RequestContext.BodyReading(deadline, options.bodies().timeout()), consistency,
                telemetry.requests(), options.requestLog()));
        // Before the body budget and before any handler: a refused request costs neither memory nor a connection.
        routing.addFilter(options.admission().filter());
        routing.addFilter(new BodyBudget(options.bodies().budgetBytes(), options.bodies().budgetWait()));
        List<Route> routes = new ArrayList<>();
        Paging paging = new Paging(new CursorCodec(options.cursorSecret().getBytes(StandardCharsets.UTF_8)));
        routes.addAll(new ProductRoutes(products, paging).routes());
        routes.addAll(new UserRoutes(users, posts, paging).routes());
        routes.addAll(new PostRoutes(posts, paging).routes());
        routes.addAll(new ObserveRoutes(database, draining, telemetry.text()).routes());
        routes.addAll(new OpenApiRoutes().routes());
        if (options.debug().enabled()) {
            routes.addAll(new DebugRoutes(database, options.debug().adminToken()).routes());
        }
        List<String> registered = RouteTable.register(routing, routes);
        ErrorResponses.register(routing);
        return registered;
    }

    /** problem+json for what Helidon rejects before routing (oversized or malformed requests). */
    public static DirectHandlers directHandlers() {
        ProblemDirectHandler handler = new ProblemDirectHandler();
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }
}

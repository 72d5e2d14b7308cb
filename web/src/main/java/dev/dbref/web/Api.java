package dev.dbref.web;

import dev.dbref.domain.usecase.ProductUseCases;
import dev.dbref.domain.usecase.UserUseCases;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;

/**
 * The HTTP adapter's entry point: the API's routes and error handling over the given use cases.
 * The composition root adds the result to its web server.
 */
public final class Api {
    /** Request bodies above this size are refused with 413 before they are read. */
    public static final int MAX_BODY_BYTES = RequestBodies.MAX_BYTES;

    private Api() {
    }

    public static void routing(HttpRouting.Builder routing, ProductUseCases products, UserUseCases users,
                               StatementStats stats) {
        routing.addFilter(new RequestTiming(stats))
                .register("/products", new ProductRoutes(products))
                .register("/users", new UserRoutes(users))
                .register("/posts", new PostRoutes(users));
        ErrorResponses.register(routing);
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

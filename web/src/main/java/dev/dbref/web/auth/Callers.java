package dev.dbref.web.auth;

import dev.dbref.domain.model.Caller;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;

/** The caller {@link AuthenticationFilter} found for a request, kept in the request's own context. */
public final class Callers {
    private Callers() {
    }

    static void bind(ServerRequest req, Caller caller) {
        req.context().register(Caller.class, caller);
    }

    /**
     * @throws IllegalStateException when the filter did not accept this request: a handler that
     *                               needs a caller is never reached without one
     */
    public static Caller of(ServerRequest req) {
        return find(req).orElseThrow(() -> new IllegalStateException("no caller for " + req.path().absolute().path()));
    }

    /** Empty where the filter lets a request on without a verified caller ({@code /debug/connections}). */
    public static Optional<Caller> find(ServerRequest req) {
        return req.context().get(Caller.class, Caller.class);
    }
}

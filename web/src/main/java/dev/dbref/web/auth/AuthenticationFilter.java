package dev.dbref.web.auth;

import dev.dbref.web.problem.Problem;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Checks the bearer token of every request before it is routed, so a refused request reaches no
 * handler and borrows no connection. The caller it finds is put in the request's context for
 * {@link Callers}. Health, the OpenAPI document and {@code /docs} are open to all; on
 * {@code /debug/connections} a token that is no JWT goes on, since the admin token is checked there.
 */
public final class AuthenticationFilter implements Filter {
    static final String REALM = "Bearer realm=\"dbref\"";

    private final Authenticator authenticator;

    public AuthenticationFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().absolute().path();
        if (isOpen(path)) {
            chain.proceed();
            return;
        }
        Verdict verdict = authenticator.verify(req.headers().first(HeaderNames.AUTHORIZATION));
        if (verdict instanceof Verdict.Accepted accepted) {
            Callers.bind(req, accepted.caller());
            chain.proceed();
            return;
        }
        if (path.startsWith("/debug/")) {
            chain.proceed();
            return;
        }
        refuse(verdict, path, res);
    }

    static boolean isOpen(String path) {
        return path.equals("/observe/health") || path.equals("/observe/health/live") || path.equals("/openapi")
                || path.equals("/docs") || path.startsWith("/docs/");
    }

    private static void refuse(Verdict verdict, String path, RoutingResponse res) {
        switch (verdict) {
            case Verdict.Missing missing -> {
                res.header(HeaderNames.WWW_AUTHENTICATE, REALM);
                Problem.of(Status.UNAUTHORIZED_401, "this request needs a bearer token: Authorization: Bearer <JWT>", path)
                        .send(res);
            }
            case Verdict.Refused refused -> {
                res.header(HeaderNames.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"");
                Problem.of(Status.UNAUTHORIZED_401, refused.reason(), path).send(res);
            }
            case Verdict.Unavailable unavailable ->
                    Problem.of(Status.SERVICE_UNAVAILABLE_503, unavailable.reason() + "; retry later", path).send(res);
            case Verdict.Accepted accepted -> throw new IllegalStateException("an accepted request is not refused");
        }
    }
}

package dev.dbref.web.auth;

import dev.dbref.domain.model.Caller;
import dev.dbref.web.problem.Problem;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Who calls, and how often: checks the bearer token of every request before it is routed, so a
 * refused request reaches no handler and borrows no connection, and counts it against its caller's
 * rate limit (the token's {@code sub}, else the client's address, so 401s count too). The caller it
 * finds is put in the request's context for {@link Callers}. Health, the OpenAPI document and
 * {@code /docs} are open to all; on {@code /debug/connections} a token that is no JWT goes on,
 * since the admin token is checked there. {@code /observe/*}, {@code /openapi} and {@code /docs}
 * are not counted.
 */
final class AuthenticationFilter implements Filter {
    static final String REALM = "Bearer realm=\"dbref\"";
    static final HeaderName RATE_LIMIT = HeaderNames.create("RateLimit");
    static final HeaderName RATE_LIMIT_POLICY = HeaderNames.create("RateLimit-Policy");
    private static final HeaderName FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");

    private final Authenticator authenticator;
    private final Optional<RateLimiter> limiter;
    private final ClientAddress clients;

    /** @param limiter {@code RATE_LIMIT}; empty: no limit */
    AuthenticationFilter(Authenticator authenticator, Optional<RateLimiter> limiter, ClientAddress clients) {
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.clients = clients;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().absolute().path();
        if (isOpen(path)) {
            chain.proceed();
            return;
        }
        Verdict verdict = authenticator.verify(req.headers().first(HeaderNames.AUTHORIZATION));
        if (limiter.isPresent() && !isUncounted(path) && !admitted(limiter.get(), callerKey(verdict, req), path, res)) {
            return;
        }
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

    /** The token's subject; otherwise (authentication off, or the token refused) the client's address. */
    private String callerKey(Verdict verdict, RoutingRequest req) {
        if (verdict instanceof Verdict.Accepted(Caller.Authenticated caller)) {
            return "sub " + caller.subject();
        }
        InetAddress peer = ((InetSocketAddress) req.remotePeer().address()).getAddress();
        return "address " + clients.of(peer, req.headers().first(FORWARDED_FOR));
    }

    /** Counts the request; sends 429 and returns false when its caller is over the limit. */
    private static boolean admitted(RateLimiter limiter, String caller, String path, RoutingResponse res) {
        RateLimiter.Decision decision = limiter.take(caller);
        res.header(RATE_LIMIT_POLICY, limiter.limit().policyHeader());
        res.header(RATE_LIMIT, "\"default\";r=" + decision.remaining() + ";t=" + wholeSeconds(decision.untilFull()));
        if (decision.admitted()) {
            return true;
        }
        long retryAfter = Math.max(1, wholeSeconds(decision.retryAfter()));
        res.header(HeaderNames.RETRY_AFTER, String.valueOf(retryAfter));
        Problem.of(Status.TOO_MANY_REQUESTS_429, "too many requests from this caller; retry after " + retryAfter + " s", path)
                .send(res);
        return false;
    }

    private static long wholeSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    static boolean isUncounted(String path) {
        return path.startsWith("/observe/") || path.equals("/openapi") || path.equals("/docs") || path.startsWith("/docs/");
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

package dev.dbref.web.auth;

import io.helidon.webserver.http.Filter;

import java.util.Optional;

/**
 * Who is let in, and how often.
 *
 * @param callers   {@link Authenticator#OFF}, or bearer tokens
 * @param rateLimit {@code RATE_LIMIT} per caller; empty: none
 * @param clients   how the client's address is told, for callers without a token ({@code TRUSTED_PROXIES})
 */
public record Admission(Authenticator callers, Optional<RateLimit> rateLimit, ClientAddress clients) {
    /** Everyone, as often as they like: v1.1's behaviour. */
    public static final Admission OPEN = new Admission(Authenticator.OFF, Optional.empty(), ClientAddress.PEER_ONLY);

    /** The one filter that applies it, ahead of routing. */
    public Filter filter() {
        return new AuthenticationFilter(callers, rateLimit.map(RateLimiter::new), clients);
    }

    @Override
    public String toString() {
        return "Admission[authentication=" + (callers == Authenticator.OFF ? "off" : "bearer tokens")
                + ", rateLimit=" + rateLimit.map(RateLimit::policyHeader).orElse("none") + "]";
    }
}

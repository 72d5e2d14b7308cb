package dev.dbref.web.auth;

import dev.dbref.domain.model.Caller;

/** What the check of one request's {@code Authorization} header found. */
public sealed interface Verdict {
    /** Go on, as this caller. */
    record Accepted(Caller caller) implements Verdict {
    }

    /** No token: 401 without an {@code error}, as RFC 6750 §3.1 says. */
    record Missing() implements Verdict {
    }

    /** A token that fails: 401 {@code invalid_token}; {@code reason} in plain words, safe to send. */
    record Refused(String reason) implements Verdict {
    }

    /** The keys could not be had and none cached fits: 503; {@code reason} in plain words. */
    record Unavailable(String reason) implements Verdict {
    }
}

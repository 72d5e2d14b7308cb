package dev.dbref.web.auth;

import dev.dbref.domain.model.Caller;

import java.util.Optional;

/** Turns a request's {@code Authorization} header into a {@link Verdict}. */
public interface Authenticator {
    /** Authentication is off: everyone is {@link Caller#ANYONE}. */
    Authenticator OFF = header -> new Verdict.Accepted(Caller.ANYONE);

    Verdict verify(Optional<String> authorization);
}

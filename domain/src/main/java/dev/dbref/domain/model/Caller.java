package dev.dbref.domain.model;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as the domain's rules see it. The web adapter makes one per request from the
 * bearer token it verified; the domain never sees a token.
 */
public sealed interface Caller {
    /** Authentication is switched off: every caller may do everything, and nothing it creates is owned. */
    Caller ANYONE = new Anyone();

    /** The one caller while authentication is off. */
    record Anyone() implements Caller {
    }

    /**
     * A caller whose token was verified.
     *
     * @param subject the token's {@code sub}: whom the rows it creates belong to
     * @param scopes  what the token grants (see {@link Scope})
     */
    record Authenticated(String subject, Set<String> scopes) implements Caller {
        public Authenticated {
            Objects.requireNonNull(subject, "subject");
            scopes = Set.copyOf(scopes);
        }

        public boolean has(String scope) {
            return scopes.contains(scope);
        }

        public boolean isAdmin() {
            return has(Scope.ADMIN);
        }
    }
}

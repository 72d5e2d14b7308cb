package dev.dbref.domain.model;

import java.util.Objects;

/** Whom a user, and with it each of its posts, belongs to. */
public sealed interface Owner {
    /** Created while authentication was off: only {@code admin} may change it once it is on. */
    Owner NOBODY = new Nobody();

    record Nobody() implements Owner {
    }

    /** @param subject the {@code sub} of the token that created it */
    record Subject(String subject) implements Owner {
        public Subject {
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** The owner of what {@code caller} creates now. */
    static Owner of(Caller caller) {
        return switch (caller) {
            case Caller.Anyone anyone -> NOBODY;
            case Caller.Authenticated authenticated -> new Subject(authenticated.subject());
        };
    }
}

package dev.dbref.domain.model;

/** The change would break a uniqueness rule, e.g. a second user with the same e-mail address. */
public final class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }
}

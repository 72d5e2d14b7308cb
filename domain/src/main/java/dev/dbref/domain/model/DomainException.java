package dev.dbref.domain.model;

/** Base of the errors the domain reports; adapters translate each subtype at their edge. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message, null, false, false);
    }
}

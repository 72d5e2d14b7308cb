package dev.dbref.domain.model;

/** The {@code Idempotency-Key} was first sent with another request: a client's mistake, never retried away. */
public final class IdempotencyKeyReusedException extends DomainException {
    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was first used with another request body; use a new key for a new request");
    }
}

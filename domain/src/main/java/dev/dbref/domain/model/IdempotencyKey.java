package dev.dbref.domain.model;

import java.util.Objects;

/**
 * A client's {@code Idempotency-Key}, within the scope of its caller: the same key from two
 * callers names two different requests.
 *
 * @param scope who sent it (all callers share one scope while authentication is off: {@link #SHARED})
 * @param value 1 to 255 printable ASCII characters
 */
public record IdempotencyKey(String scope, String value) {
    public static final String SHARED = "";
    public static final int MAX_LENGTH = 255;

    /** Keys are the caller's own: two callers may use the same key for different writes. All share one scope while authentication is off. */
    public static IdempotencyKey of(Caller caller, String value) {
        return new IdempotencyKey(switch (caller) {
            case Caller.Anyone anyone -> SHARED;
            case Caller.Authenticated authenticated -> authenticated.subject();
        }, value);
    }

    public IdempotencyKey {
        Objects.requireNonNull(scope, "scope");
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e) || value.isBlank()) {
            throw new InvalidQueryException("Idempotency-Key", "must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
    }
}

package dev.dbref.domain.model;

import java.util.Objects;

/**
 * One failing field of a command.
 *
 * @param field   the property's name as clients spell it ({@code price}, {@code [3].name})
 * @param message what is wrong, phrased as the rule ({@code must be >= 0})
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same error for an item of a list, e.g. {@code [3].price}. */
    public FieldError atIndex(int index) {
        return new FieldError("[" + index + "]." + field, message);
    }
}

package dev.dbref.domain.model;

import java.util.List;

/** A command failed its rules; {@link #errors()} lists every failing field, never just the first. */
public final class ValidationException extends DomainException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(describe(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
    }
}

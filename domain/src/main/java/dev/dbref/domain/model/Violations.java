package dev.dbref.domain.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors while a command is checked, so that a client learns about every
 * failing field in one round trip.
 */
public final class Violations {
    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public Violations addAll(List<FieldError> more) {
        errors.addAll(more);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}

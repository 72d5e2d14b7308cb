package dev.dbref.domain.model;

import java.util.function.Function;

/**
 * One property of a partial update: either left as it is ({@link #keep()}) or set to a value,
 * which may be {@code null} where the property is nullable. This is the difference between a
 * property absent from a PATCH body and one present as {@code null}.
 */
public record Change<T>(boolean present, T value) {
    private static final Change<?> KEEP = new Change<>(false, null);

    public Change {
        if (!present && value != null) {
            throw new IllegalArgumentException("a kept property has no value");
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> Change<T> keep() {
        return (Change<T>) KEEP;
    }

    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    public <R> Change<R> map(Function<T, R> mapper) {
        return present ? to(value == null ? null : mapper.apply(value)) : keep();
    }

    /** The new value if present, else {@code current}. */
    public T orElse(T current) {
        return present ? value : current;
    }
}

package dev.dbref.persistence.repository;

import dev.dbref.domain.model.Change;
import org.jooq.Field;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code SET} list of an {@code UPDATE} from a patch: a column is set only when its
 * {@link Change} is present (an absent property keeps its value; {@code null} clears it).
 */
final class Changes {
    private final Map<Field<?>, Object> values = new LinkedHashMap<>();

    <T> Changes set(Field<T> column, Change<? extends T> change) {
        if (change.present()) {
            values.put(column, change.value());
        }
        return this;
    }

    /** Sets {@code column} whatever the patch holds: a version or a timestamp. */
    Changes always(Field<?> column, Object value) {
        values.put(column, value);
        return this;
    }

    Map<Field<?>, Object> asMap() {
        return values;
    }
}

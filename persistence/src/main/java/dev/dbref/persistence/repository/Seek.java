package dev.dbref.persistence.repository;

import dev.dbref.domain.model.InvalidQueryException;
import dev.dbref.domain.model.PagePosition;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.SeekKey;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

/**
 * Keyset paging: the rows strictly after a {@link SeekKey} in a given order. For keys
 * {@code (k1, k2, id)} that is {@code k1 > v1 OR (k1 = v1 AND k2 > v2) OR (k1 = v1 AND k2 = v2 AND id > v3)},
 * with {@code <} for a descending key, plus the leading key's own bound ({@code k1 >= v1}),
 * redundant but what lets the database start an index scan at the cursor instead of the first row.
 */
final class Seek {
    private Seek() {
    }

    /** One key of the order, its direction and the cursor's value for it, already typed. */
    record Key<T>(Field<T> column, boolean descending, T value) {
        Condition beyond() {
            return descending ? column.lt(value) : column.gt(value);
        }

        Condition atOrBeyond() {
            return descending ? column.le(value) : column.ge(value);
        }

        Condition equal() {
            return column.eq(value);
        }
    }

    static Condition after(List<Key<?>> keys) {
        List<Condition> alternatives = new ArrayList<>();
        Condition equalSoFar = DSL.noCondition();
        for (Key<?> key : keys) {
            alternatives.add(equalSoFar.and(key.beyond()));
            equalSoFar = equalSoFar.and(key.equal());
        }
        return keys.getFirst().atOrBeyond().and(DSL.or(alternatives));
    }

    /** Where a list ordered by {@code id} alone starts: after the cursor's id, or at the first row. */
    static Condition afterId(Field<Long> id, PageRequest page) {
        return switch (page.position()) {
            case PagePosition.Offset offset -> DSL.noCondition();
            case PagePosition.After after -> id.gt(id(after.key()));
        };
    }

    private static long id(SeekKey key) {
        if (key.values().size() != 1) {
            throw notOurs();
        }
        try {
            return Long.parseLong(key.values().getFirst());
        } catch (NumberFormatException e) {
            throw notOurs();
        }
    }

    /** A key whose shape does not fit the list: cursors are checked before they get here, so this is rare. */
    static InvalidQueryException notOurs() {
        return new InvalidQueryException("after", "is not a cursor of this list");
    }
}

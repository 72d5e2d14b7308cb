package dev.dbref.domain.model;

import java.util.List;

/**
 * Where the next page starts: the sort-key values of the last row of a page, in the query's
 * total order (which always ends with {@code id}), as canonical text. The next page is the rows
 * strictly after it in that order, found by a seek through an index rather than by counting rows,
 * so rows inserted or deleted meanwhile never make an unchanged row appear twice or go missing.
 */
public record SeekKey(List<String> values) {
    /** The key of a list ordered by id alone. */
    public static SeekKey ofId(long id) {
        return new SeekKey(List.of(Long.toString(id)));
    }

    public SeekKey {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a seek key has at least the id");
        }
    }
}

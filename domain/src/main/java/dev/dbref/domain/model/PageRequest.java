package dev.dbref.domain.model;

import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Which slice of a list to return, and whether to count all matches.
 *
 * @param limit {@code 1 <= limit <= 1000}
 */
public record PageRequest(PagePosition position, int limit, Totals totals) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final PageRequest FIRST = new PageRequest(PagePosition.start(), DEFAULT_LIMIT, Totals.EXACT);

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /** An offset page with an exact total: the classic {@code skip}/{@code limit}. */
    public static PageRequest offset(long skip, int limit) {
        return new PageRequest(new PagePosition.Offset(skip), limit, Totals.EXACT);
    }

    /** Rows skipped before this page: 0 for a page that starts after a row. */
    public long skip() {
        return position instanceof PagePosition.Offset offset ? offset.skip() : 0;
    }

    /** All matches counted by {@code count} when this page asks for a total; else nothing is counted. */
    public OptionalLong total(LongSupplier count) {
        return totals == Totals.EXACT ? OptionalLong.of(count.getAsLong()) : OptionalLong.empty();
    }

    /** How many rows to fetch: one more than the page holds, which tells whether more follow. */
    public int rowsToFetch() {
        return limit + 1;
    }
}

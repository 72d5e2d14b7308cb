package dev.dbref.domain.model;

/** Where a page starts: after skipping rows ({@code skip}), or right after a row ({@code after}). */
public sealed interface PagePosition {

    static PagePosition start() {
        return new Offset(0);
    }

    /** Skips {@code skip} matching rows: simple, but the database reads every skipped row. */
    record Offset(long skip) implements PagePosition {
        public Offset {
            if (skip < 0) {
                throw new InvalidQueryException("skip", "must be >= 0");
            }
        }
    }

    /** Starts right after the row with this key: a seek through an index, however deep. */
    record After(SeekKey key) implements PagePosition {
    }
}

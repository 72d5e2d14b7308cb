package dev.dbref.domain.model;

/** One key of a sort order: {@code -price} is {@code new SortKey(PRICE, true)}. */
public record SortKey(ProductField field, boolean descending) {
    public SortKey {
        if (!field.sortable()) {
            throw new IllegalArgumentException(field.apiName() + " is not sortable");
        }
    }
}

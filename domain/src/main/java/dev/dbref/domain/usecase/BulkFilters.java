package dev.dbref.domain.usecase;

import dev.dbref.domain.model.InvalidQueryException;
import dev.dbref.domain.model.ProductFilter;

final class BulkFilters {
    private BulkFilters() {
    }

    static void requireCriterion(ProductFilter filter) {
        if (filter.isEmpty()) {
            throw new InvalidQueryException("filter", "at least one filter is required for a bulk change");
        }
    }
}

package dev.dbref.persistence.repository;

import dev.dbref.domain.model.Comparison;
import dev.dbref.domain.model.ProductFilter;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

import static dev.dbref.db.jooq.Tables.PRODUCTS;

/** Turns a {@link ProductFilter} into a type-safe condition; user text only ever becomes a bind value. */
final class ProductConditions {
    private ProductConditions() {
    }

    static Condition of(ProductFilter filter) {
        List<Condition> all = new ArrayList<>();
        filter.nameContains().ifPresent(text -> all.add(SearchPatterns.contains(PRODUCTS.NAME_KEY, text)));
        filter.price().forEach(c -> all.add(compare(PRODUCTS.PRICE, c)));
        filter.quantity().forEach(c -> all.add(compare(PRODUCTS.QUANTITY, c)));
        return DSL.and(all);
    }

    static <T extends Comparable<? super T>> Condition compare(Field<T> column, Comparison<T> comparison) {
        T value = comparison.value();
        return switch (comparison.operator()) {
            case EQ -> column.eq(value);
            case GT -> column.gt(value);
            case GTE -> column.ge(value);
            case LT -> column.lt(value);
            case LTE -> column.le(value);
        };
    }
}

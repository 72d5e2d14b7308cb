package dev.dbref.persistence;

import dev.dbref.domain.model.ProductFilter;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.dbref.db.jooq.Tables.PRODUCTS;

/** Turns a {@link ProductFilter} into a type-safe condition; user text only ever becomes a bind value. */
final class ProductConditions {
    private ProductConditions() {
    }

    static Condition of(ProductFilter filter) {
        List<Condition> all = new ArrayList<>();
        if (filter.nameContains() != null) {
            all.add(SearchPatterns.contains(PRODUCTS.NAME_KEY, filter.nameContains()));
        }
        add(all, filter.priceGt(), PRODUCTS.PRICE::gt);
        add(all, filter.priceGte(), PRODUCTS.PRICE::ge);
        add(all, filter.priceLt(), PRODUCTS.PRICE::lt);
        add(all, filter.priceLte(), PRODUCTS.PRICE::le);
        add(all, filter.quantity(), PRODUCTS.QUANTITY::eq);
        add(all, filter.quantityGt(), PRODUCTS.QUANTITY::gt);
        add(all, filter.quantityGte(), PRODUCTS.QUANTITY::ge);
        add(all, filter.quantityLt(), PRODUCTS.QUANTITY::lt);
        add(all, filter.quantityLte(), PRODUCTS.QUANTITY::le);
        return DSL.and(all);
    }

    private static <T> void add(List<Condition> all, T value, Function<T, Condition> condition) {
        if (value != null) {
            all.add(condition.apply(value));
        }
    }

}

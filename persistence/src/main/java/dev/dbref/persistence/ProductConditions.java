package dev.dbref.persistence;

import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.model.Text;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.dbref.db.jooq.Tables.PRODUCTS;

/** Turns a {@link ProductFilter} into a type-safe condition; user text only ever becomes a bind value. */
final class ProductConditions {
    private static final char LIKE_ESCAPE = '!';

    private ProductConditions() {
    }

    static Condition of(ProductFilter filter) {
        List<Condition> all = new ArrayList<>();
        if (filter.nameContains() != null) {
            all.add(PRODUCTS.NAME_KEY.like(containsPattern(filter.nameContains()), LIKE_ESCAPE));
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

    /**
     * A LIKE pattern matching {@code text} anywhere in a search key, with {@code %}, {@code _} and
     * the escape character itself taken literally.
     */
    static String containsPattern(String text) {
        String key = Text.searchKey(text);
        StringBuilder pattern = new StringBuilder(key.length() + 8).append('%');
        for (char c : key.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                pattern.append(LIKE_ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    private static <T> void add(List<Condition> all, T value, Function<T, Condition> condition) {
        if (value != null) {
            all.add(condition.apply(value));
        }
    }

}

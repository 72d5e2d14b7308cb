package dev.dbref.domain.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which products a list, bulk update or bulk delete addresses: all given criteria must hold.
 * Built by name, {@code ProductFilter.NONE.nameContaining("tea").price(GT, ten)}.
 *
 * @param nameContains case-insensitive substring for every alphabet; {@code %} and {@code _}
 *                     are literal characters
 * @param price        criteria on the price, all of which must hold
 * @param quantity     criteria on the quantity, all of which must hold
 */
public record ProductFilter(Optional<String> nameContains, List<Comparison<BigDecimal>> price,
                            List<Comparison<Long>> quantity) {

    public static final ProductFilter NONE = new ProductFilter(Optional.empty(), List.of(), List.of());

    public ProductFilter {
        price = List.copyOf(price);
        quantity = List.copyOf(quantity);
    }

    public ProductFilter nameContaining(String text) {
        return new ProductFilter(Optional.of(text), price, quantity);
    }

    public ProductFilter price(Comparison.Operator operator, BigDecimal value) {
        return new ProductFilter(nameContains, plus(price, new Comparison<>(operator, value)), quantity);
    }

    public ProductFilter quantity(Comparison.Operator operator, long value) {
        return new ProductFilter(nameContains, price, plus(quantity, new Comparison<>(operator, value)));
    }

    /** True when no criterion is given: a bulk change must refuse to address every row by accident. */
    public boolean isEmpty() {
        return this.equals(NONE);
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }
}

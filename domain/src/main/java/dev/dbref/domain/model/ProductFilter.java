package dev.dbref.domain.model;

import java.math.BigDecimal;

/**
 * Which products a list, bulk update or bulk delete addresses. Every criterion is optional
 * ({@code null} = not filtered); all given criteria must hold.
 *
 * @param nameContains case-insensitive substring for every alphabet; {@code %} and {@code _}
 *                     are literal characters
 */
public record ProductFilter(String nameContains,
                            BigDecimal priceGt, BigDecimal priceGte, BigDecimal priceLt, BigDecimal priceLte,
                            Long quantity, Long quantityGt, Long quantityGte, Long quantityLt, Long quantityLte) {

    public static final ProductFilter NONE =
            new ProductFilter(null, null, null, null, null, null, null, null, null, null);

    /** True when no criterion is given: a bulk change must refuse to address every row by accident. */
    public boolean isEmpty() {
        return this.equals(NONE);
    }
}

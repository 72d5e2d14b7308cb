package dev.dbref.domain.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rules of a price: an exact decimal, {@code 0 <= price <= 99999999.99}, at most two
 * fractional digits. {@code 1.5} and {@code 1.50} are the same price; {@code 0.001} is not a price.
 */
public final class Price {
    public static final BigDecimal MAX = new BigDecimal("99999999.99");
    public static final int SCALE = 2;

    private Price() {
    }

    /** Adds the violations of {@code price} under {@code field}; a {@code null} price is not checked here. */
    public static void check(BigDecimal price, String field, Violations violations) {
        if (price == null) {
            return;
        }
        if (price.stripTrailingZeros().scale() > SCALE) {
            violations.add(field, "must have at most 2 fractional digits");
        } else if (price.signum() < 0) {
            violations.add(field, "must be >= 0");
        } else if (price.compareTo(MAX) > 0) {
            violations.add(field, "must be <= " + MAX.toPlainString());
        }
    }

    /** The canonical form: scale 2, so that {@code 1.5} and {@code 1.50} compare and print alike. */
    public static BigDecimal normalize(BigDecimal price) {
        return price == null ? null : price.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}

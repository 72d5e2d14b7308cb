package dev.dbref.domain.model;

/** The per-property rules of a product, shared by create, replace and patch. */
public final class ProductRules {
    public static final int NAME_MAX = 100;
    public static final int DESCRIPTION_MAX = 500;

    private ProductRules() {
    }

    static void checkName(String name, String field, Violations violations) {
        if (name == null) {
            violations.add(field, "is required");
        } else if (name.isEmpty()) {
            violations.add(field, "must not be blank");
        } else if (Text.length(name) > NAME_MAX) {
            violations.add(field, "must be at most " + NAME_MAX + " characters");
        } else {
            Text.checkStorable(name, field, violations);
        }
    }

    static void checkDescription(String description, String field, Violations violations) {
        if (description != null && Text.length(description) > DESCRIPTION_MAX) {
            violations.add(field, "must be at most " + DESCRIPTION_MAX + " characters");
        } else {
            Text.checkStorable(description, field, violations);
        }
    }

    static void checkPrice(java.math.BigDecimal price, String field, Violations violations) {
        if (price == null) {
            violations.add(field, "is required");
        } else {
            Price.check(price, field, violations);
        }
    }

    static void checkQuantity(Long quantity, String field, Violations violations) {
        if (quantity == null) {
            violations.add(field, "is required");
        } else if (quantity < 0) {
            violations.add(field, "must be >= 0");
        }
    }
}

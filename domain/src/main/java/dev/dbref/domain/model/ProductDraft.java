package dev.dbref.domain.model;

import java.math.BigDecimal;

/**
 * The full content of a product, as a create or a full replacement gives it. Validates on
 * construction, reporting every failing field at once; text is stored trimmed and the price
 * in its canonical scale.
 *
 * @param description optional, may be {@code null}
 */
public record ProductDraft(String name, String description, BigDecimal price, long quantity) {
    public ProductDraft {
        name = Text.trimmed(name);
        description = Text.trimmed(description);
        Violations violations = new Violations();
        ProductRules.checkName(name, "name", violations);
        ProductRules.checkDescription(description, "description", violations);
        ProductRules.checkPrice(price, "price", violations);
        ProductRules.checkQuantity(quantity, "quantity", violations);
        violations.throwIfAny();
        price = Price.normalize(price);
    }

    /** A draft from a client's properties, where an omitted {@code quantity} means 0. */
    public static ProductDraft of(String name, String description, BigDecimal price, Long quantity) {
        // Null name/price reach the constructor's checks; only quantity has a default.
        return new ProductDraft(name, description, price, quantity == null ? 0 : quantity);
    }

    /** The name as searches compare it ({@link Text#searchKey}): stored beside the name. */
    public String nameKey() {
        return Text.searchKey(name);
    }
}

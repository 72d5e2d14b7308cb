package dev.dbref.domain.model;

import java.math.BigDecimal;

/**
 * A partial change of a product: only the present properties change. {@code description} may
 * be set to {@code null} to clear it; the other properties, when present, must be valid values.
 */
public record ProductPatch(Change<String> name, Change<String> description,
                           Change<BigDecimal> price, Change<Long> quantity) {
    public ProductPatch {
        name = name.map(Text::trimmed);
        description = description.map(Text::trimmed);
        Violations violations = new Violations();
        if (name.present()) {
            ProductRules.checkName(name.value(), "name", violations);
        }
        if (description.present()) {
            ProductRules.checkDescription(description.value(), "description", violations);
        }
        if (price.present()) {
            ProductRules.checkPrice(price.value(), "price", violations);
        }
        if (quantity.present()) {
            ProductRules.checkQuantity(quantity.value(), "quantity", violations);
        }
        violations.throwIfAny();
        price = price.map(Price::normalize);
    }

    /** An empty patch ({@code PATCH {}}) changes nothing, not even the version. */
    public boolean isEmpty() {
        return !name.present() && !description.present() && !price.present() && !quantity.present();
    }

    /** The new name's search key, when the name changes. */
    public Change<String> nameKey() {
        return name.map(Text::searchKey);
    }
}

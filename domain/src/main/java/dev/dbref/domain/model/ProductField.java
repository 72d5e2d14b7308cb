package dev.dbref.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** The properties of a product, by the name clients use for projections and sorting. */
public enum ProductField {
    ID("id", true),
    NAME("name", true),
    DESCRIPTION("description", false),
    PRICE("price", true),
    QUANTITY("quantity", true),
    VERSION("version", false),
    CREATED_AT("created_at", true),
    UPDATED_AT("updated_at", false);

    private final String apiName;
    private final boolean sortable;

    ProductField(String apiName, boolean sortable) {
        this.apiName = apiName;
        this.sortable = sortable;
    }

    public String apiName() {
        return apiName;
    }

    public boolean sortable() {
        return sortable;
    }

    /**
     * This property of {@code product} as canonical text, which a cursor holds; sortable properties only.
     */
    public String textOf(Product product) {
        return switch (this) {
            case ID -> Long.toString(product.id());
            case NAME -> product.name();
            case PRICE -> product.price().toPlainString();
            case QUANTITY -> Long.toString(product.quantity());
            case CREATED_AT -> product.createdAt().toString();
            case DESCRIPTION, VERSION, UPDATED_AT -> throw new IllegalStateException(apiName + " is not sortable");
        };
    }

    public static Optional<ProductField> byApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
    }
}

package dev.dbref.persistence;

import dev.dbref.domain.model.ProductDraft;

import java.math.BigDecimal;

/** Fixture builder: {@code aProduct().named("Pear").priced("1.50").build()}. */
public final class TestProducts {
    private String name = "Widget";
    private String description;
    private BigDecimal price = new BigDecimal("9.99");
    private long quantity;

    private TestProducts() {
    }

    public static TestProducts aProduct() {
        return new TestProducts();
    }

    public TestProducts named(String value) {
        this.name = value;
        return this;
    }

    public TestProducts described(String value) {
        this.description = value;
        return this;
    }

    public TestProducts priced(String value) {
        this.price = new BigDecimal(value);
        return this;
    }

    public TestProducts quantity(long value) {
        this.quantity = value;
        return this;
    }

    public ProductDraft build() {
        return new ProductDraft(name, description, price, quantity);
    }
}

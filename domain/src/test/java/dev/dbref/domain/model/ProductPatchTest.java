package dev.dbref.domain.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductPatchTest {

    private static ProductPatch patch(Change<String> name, Change<String> description, Change<BigDecimal> price, Change<Long> quantity) {
        return new ProductPatch(name, description, price, quantity);
    }

    @Test
    void an_empty_patch_is_empty() {
        assertTrue(patch(Change.keep(), Change.keep(), Change.keep(), Change.keep()).isEmpty());
        assertFalse(patch(Change.keep(), Change.to(null), Change.keep(), Change.keep()).isEmpty());
    }

    @Test
    void description_may_be_cleared_with_null() {
        ProductPatch clear = patch(Change.keep(), Change.to(null), Change.keep(), Change.keep());
        assertTrue(clear.description().present());
        assertNull(clear.description().value());
    }

    @Test
    void present_values_are_normalised_like_a_draft() {
        ProductPatch p = patch(Change.to("  Pear "), Change.keep(), Change.to(new BigDecimal("1.5")), Change.keep());
        assertEquals("Pear", p.name().value());
        assertEquals(new BigDecimal("1.50"), p.price().value());
    }

    @Test
    void null_for_a_required_property_and_every_broken_rule_are_reported_together() {
        ValidationException e = assertThrows(ValidationException.class, () -> patch(Change.to(null),
                Change.to("d".repeat(501)), Change.to(new BigDecimal("0.001")), Change.to(-1L)));

        assertEquals(List.of(
                new FieldError("name", "is required"),
                new FieldError("description", "must be at most 500 characters"),
                new FieldError("price", "must have at most 2 fractional digits"),
                new FieldError("quantity", "must be >= 0")), e.errors());
    }

    @Test
    void a_null_price_or_quantity_is_refused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> patch(Change.keep(), Change.keep(), Change.to(null), Change.to(null)));
        assertEquals(List.of("price", "quantity"), e.errors().stream().map(FieldError::field).toList());
    }
}

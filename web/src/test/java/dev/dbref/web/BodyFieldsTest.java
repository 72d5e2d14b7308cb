package dev.dbref.web;

import dev.dbref.web.http.BodyFields;
import dev.dbref.web.http.Json;
import dev.dbref.web.products.ProductJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.FieldError;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** JSON properties to changes, and every mistake reported at once, without a server. */
class BodyFieldsTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.parse(text.getBytes());
    }

    @Test
    void absent_null_and_present_properties_are_three_different_changes() throws Exception {
        BodyFields fields = new BodyFields(json("{\"name\": \"x\", \"description\": null, \"price\": 1.50}"),
                Set.of("name", "description", "price", "quantity"), Set.of("id"));
        assertEquals(Change.to("x"), fields.text("name"));
        assertEquals(Change.to(null), fields.text("description"));
        assertEquals(Change.to(new BigDecimal("1.50")), fields.decimal("price"));
        assertEquals(Change.keep(), fields.integer("quantity"));
    }

    @Test
    void wrong_types_read_only_and_unknown_properties_and_domain_rules_are_reported_together() throws Exception {
        ValidationException e = assertThrows(ValidationException.class, () -> ProductJson.draft(
                json("{\"name\": \"\", \"price\": \"abc\", \"quantity\": 1.5, \"id\": 7, \"colour\": \"red\"}")));
        assertEquals(List.of(
                new FieldError("id", "is read-only and cannot be set"),
                new FieldError("colour", "is not a known property"),
                new FieldError("price", "must be a number"),
                new FieldError("quantity", "must be an integer"),
                new FieldError("name", "must not be blank")), e.errors());
    }

    @Test
    void a_valid_body_becomes_the_domain_draft() throws Exception {
        ProductDraft draft = ProductJson.draft(json("{\"name\": \"  Pear \", \"price\": 2.5}"));
        assertEquals(new ProductDraft("Pear", null, new BigDecimal("2.50"), 0), draft);
    }
}

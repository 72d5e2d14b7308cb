package dev.dbref.bootstrap;

import dev.dbref.domain.model.IdempotencyKey;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.PostRules;
import dev.dbref.domain.model.Price;
import dev.dbref.domain.model.ProductRules;
import dev.dbref.domain.model.UserRules;
import dev.dbref.domain.usecase.CreateProducts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The limits the document states are the limits the code enforces: each is read from the document
 * that {@code /openapi} serves and compared with the constant the domain checks, so the two cannot drift.
 */
class OpenApiLimitsTest {
    private static Map<String, Object> document;

    @BeforeAll
    static void load() {
        document = ServedOpenApi.yaml();
    }

    @Test
    void text_lengths_are_the_domain_rules() {
        for (String schema : List.of("ProductInput", "ProductPatch", "Product", "ProductFields")) {
            assertEquals(ProductRules.NAME_MAX, at("components", "schemas", schema, "properties", "name", "maxLength"), schema);
            assertEquals(ProductRules.DESCRIPTION_MAX, at("components", "schemas", schema, "properties", "description", "maxLength"), schema);
        }
        for (String schema : List.of("UserInput", "UserPatch", "User")) {
            assertEquals(UserRules.EMAIL_MAX, at("components", "schemas", schema, "properties", "email", "maxLength"), schema);
            assertEquals(UserRules.FULL_NAME_MAX, at("components", "schemas", schema, "properties", "full_name", "maxLength"), schema);
            assertEquals("^" + UserRules.USERNAME.pattern() + "$", at("components", "schemas", schema, "properties", "username", "pattern"), schema);
        }
        for (String schema : List.of("PostInput", "PostPatch", "Post")) {
            assertEquals(PostRules.TITLE_MAX, at("components", "schemas", schema, "properties", "title", "maxLength"), schema);
            assertEquals(PostRules.BODY_MAX, at("components", "schemas", schema, "properties", "body", "maxLength"), schema);
        }
    }

    @Test
    void price_page_bulk_and_key_bounds_are_the_domain_constants() {
        for (String schema : List.of("ProductInput", "ProductPatch", "Product")) {
            assertEquals(0, Price.MAX.compareTo(decimal(at("components", "schemas", schema, "properties", "price", "maximum"))), schema);
            assertEquals(0, BigDecimal.ONE.movePointLeft(Price.SCALE)
                    .compareTo(decimal(at("components", "schemas", schema, "properties", "price", "multipleOf"))), schema);
        }
        assertEquals(PageRequest.MAX_LIMIT, at("components", "parameters", "limit", "schema", "maximum"));
        assertEquals(PageRequest.DEFAULT_LIMIT, at("components", "parameters", "limit", "schema", "default"));
        assertEquals(CreateProducts.MAX_ITEMS, at("paths", "/products/bulk", "post", "requestBody", "content",
                "application/json", "schema", "maxItems"));
        assertEquals(CreateProducts.MAX_ITEMS, at("components", "schemas", "CreatedIds", "properties", "ids", "maxItems"));
        assertEquals(IdempotencyKey.MAX_LENGTH, at("components", "parameters", "idempotencyKey", "schema", "maxLength"));
    }

    @SuppressWarnings("unchecked")
    private static Object at(String... keys) {
        Object node = document;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
            if (node == null) {
                throw new AssertionError("the document has no " + String.join("/", keys));
            }
        }
        return node;
    }

    private static BigDecimal decimal(Object number) {
        return new BigDecimal(number.toString());
    }
}

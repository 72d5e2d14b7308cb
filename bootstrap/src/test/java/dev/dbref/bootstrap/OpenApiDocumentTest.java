package dev.dbref.bootstrap;

import dev.dbref.testkit.OpenApiDocument;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The judge the contract tests rely on ({@link OpenApiDocument}) convicts what it must: each kind of
 * reply the document does not describe, taken against the real document, and acquits a right one.
 */
class OpenApiDocumentTest {
    private static final String PRODUCT = "{\"id\": 7, \"name\": \"Pear\", \"description\": null, \"price\": 1.5, \"quantity\": 3,"
            + " \"version\": 1, \"created_at\": \"2026-11-22T10:15:30.123Z\", \"updated_at\": \"2026-11-22T10:15:30.123Z\"}";
    private static final Map<String, List<String>> HEADERS = Map.of("Content-Type", List.of("application/json"),
            "ETag", List.of("\"1\""), "Server-Timing", List.of("db;dur=0.10;desc=\"1 query\", app;dur=0.50"),
            "X-Request-Id", List.of("abc123"));

    private final OpenApiDocument document = OpenApiDocument.of(ServedOpenApi.text());

    @Test
    void a_reply_as_documented_passes() {
        assertEquals(List.of(), document.violations("GET", "/products/7", 200, headers(HEADERS), PRODUCT));
    }

    @Test
    void an_undeclared_status_fails() {
        assertTrue(first(document.violations("GET", "/products/7", 418, headers(HEADERS), PRODUCT)).contains("status not declared"));
    }

    @Test
    void a_missing_required_header_fails() {
        Map<String, List<String>> without = new java.util.HashMap<>(HEADERS);
        without.remove("ETag");
        assertTrue(first(document.violations("GET", "/products/7", 200, headers(without), PRODUCT)).contains("required header ETag missing"));
    }

    @Test
    void a_header_off_its_pattern_fails() {
        Map<String, List<String>> weak = new java.util.HashMap<>(HEADERS);
        weak.put("ETag", List.of("W/\"1\""));
        assertTrue(first(document.violations("GET", "/products/7", 200, headers(weak), PRODUCT)).contains("header ETag"));
    }

    @Test
    void a_body_off_its_schema_fails_an_extra_property_a_wrong_type_and_a_missing_one_alike() {
        for (String body : List.of(PRODUCT.replace("\"id\": 7", "\"id\": 7, \"secret\": 1"),
                PRODUCT.replace("\"price\": 1.5", "\"price\": \"1.5\""), PRODUCT.replace("\"quantity\": 3,", ""))) {
            assertTrue(first(document.violations("GET", "/products/7", 200, headers(HEADERS), body)).contains("body"), body);
        }
    }

    @Test
    void an_unknown_route_is_not_judged() {
        assertEquals(List.of(), document.violations("GET", "/nowhere", 404, headers(HEADERS), "{}"));
    }

    private static String first(List<String> violations) {
        assertTrue(!violations.isEmpty(), "no violation found");
        return violations.getFirst();
    }

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }
}

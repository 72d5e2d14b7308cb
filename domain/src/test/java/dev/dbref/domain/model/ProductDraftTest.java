package dev.dbref.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProductDraftTest {

    private static List<FieldError> errorsOf(Runnable construction) {
        return assertThrows(ValidationException.class, construction::run).errors();
    }

    private static ProductDraft draft(String name, String description, String price, Long quantity) {
        return ProductDraft.of(name, description, price == null ? null : new BigDecimal(price), quantity);
    }

    @Test
    void name_is_trimmed_and_may_have_1_to_100_code_points() {
        assertEquals("Pear", draft("  Pear \t", null, "1", null).name());
        assertDoesNotThrow(() -> draft("x", null, "1", null));
        assertDoesNotThrow(() -> draft("x".repeat(100), null, "1", null));
        // 100 emoji are 200 UTF-16 chars but 100 code points: allowed.
        assertDoesNotThrow(() -> draft("😀".repeat(100), null, "1", null));
        assertEquals(List.of(new FieldError("name", "must be at most 100 characters")),
                errorsOf(() -> draft("x".repeat(101), null, "1", null)));
        assertEquals(List.of(new FieldError("name", "must not be blank")), errorsOf(() -> draft("   ", null, "1", null)));
        assertEquals(List.of(new FieldError("name", "is required")), errorsOf(() -> draft(null, null, "1", null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "a\ud800", "\udc00a", "\ud800\ud800\udc00x\udc00"})
    void text_with_nul_or_an_unpaired_surrogate_is_refused(String text) {
        String message = "must not contain NUL characters or unpaired UTF-16 surrogates";
        assertEquals(List.of(new FieldError("name", message), new FieldError("description", message)),
                errorsOf(() -> draft(text, "d" + text, "1", null)));
    }

    @Test
    void paired_surrogates_and_other_control_characters_are_text() {
        assertDoesNotThrow(() -> draft("😀 \ud83d\ude00", "tab\tnew line\n\u0001", "1", null));
    }

    @Test
    void description_is_optional_trimmed_and_at_most_500_code_points() {
        assertNull(draft("n", null, "1", null).description());
        assertEquals("text", draft("n", " text ", "1", null).description());
        assertDoesNotThrow(() -> draft("n", "d".repeat(500), "1", null));
        assertEquals(List.of(new FieldError("description", "must be at most 500 characters")),
                errorsOf(() -> draft("n", "d".repeat(501), "1", null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "0.01", "19.99", "1.5", "1.50", "99999999.99", "1.000"})
    void prices_within_the_rules_are_accepted_in_canonical_scale(String price) {
        BigDecimal stored = draft("n", null, price, null).price();
        assertEquals(2, stored.scale());
        assertEquals(0, stored.compareTo(new BigDecimal(price)));
    }

    @Test
    void prices_outside_the_rules_are_refused_with_the_rule() {
        assertEquals(List.of(new FieldError("price", "must be >= 0")), errorsOf(() -> draft("n", null, "-0.01", null)));
        assertEquals(List.of(new FieldError("price", "must be <= 99999999.99")),
                errorsOf(() -> draft("n", null, "100000000.00", null)));
        assertEquals(List.of(new FieldError("price", "must have at most 2 fractional digits")),
                errorsOf(() -> draft("n", null, "0.001", null)));
        assertEquals(List.of(new FieldError("price", "is required")), errorsOf(() -> draft("n", null, null, null)));
    }

    @Test
    void quantity_defaults_to_0_and_must_not_be_negative() {
        assertEquals(0, draft("n", null, "1", null).quantity());
        assertEquals(0, draft("n", null, "1", 0L).quantity());
        assertEquals(List.of(new FieldError("quantity", "must be >= 0")), errorsOf(() -> draft("n", null, "1", -1L)));
    }

    @Test
    void every_failing_field_is_reported_at_once() {
        List<FieldError> errors = errorsOf(() -> draft("", "d".repeat(501), "-1", -5L));

        assertEquals(List.of("name", "description", "price", "quantity"), errors.stream().map(FieldError::field).toList());
        assertEquals("4 fields are invalid", assertThrows(ValidationException.class,
                () -> draft("", "d".repeat(501), "-1", -5L)).getMessage());
    }
}

package dev.dbref.domain.model;

import static dev.dbref.domain.model.Comparison.Operator.*;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryRulesTest {

    @Test
    void page_bounds_are_enforced_on_both_sides() {
        assertDoesNotThrow(() -> PageRequest.offset(0, 1));
        assertDoesNotThrow(() -> PageRequest.offset(0, 1000));
        assertEquals("skip", assertThrows(InvalidQueryException.class, () -> PageRequest.offset(-1, 10)).parameter());
        assertEquals("limit", assertThrows(InvalidQueryException.class, () -> PageRequest.offset(0, 0)).parameter());
        assertEquals("limit", assertThrows(InvalidQueryException.class, () -> PageRequest.offset(0, 1001)).parameter());
    }

    @Test
    void the_total_order_always_ends_with_id_ascending() {
        ProductQuery byPrice = new ProductQuery(ProductFilter.NONE, List.of(new SortKey(ProductField.PRICE, true)),
                Set.of(), PageRequest.FIRST);
        assertEquals(List.of(new SortKey(ProductField.PRICE, true), new SortKey(ProductField.ID, false)), byPrice.totalOrder());

        ProductQuery byIdDesc = new ProductQuery(ProductFilter.NONE, List.of(new SortKey(ProductField.ID, true)),
                Set.of(), PageRequest.FIRST);
        assertEquals(List.of(new SortKey(ProductField.ID, true)), byIdDesc.totalOrder());
    }

    @Test
    void only_contract_fields_are_sortable() {
        assertThrows(IllegalArgumentException.class, () -> new SortKey(ProductField.DESCRIPTION, false));
        assertThrows(IllegalArgumentException.class, () -> new SortKey(ProductField.VERSION, false));
    }

    @Test
    void an_empty_filter_is_recognised() {
        assertTrue(ProductFilter.NONE.isEmpty());
        assertFalse(ProductFilter.NONE.nameContaining("a").isEmpty());
    }

    @Test
    void search_keys_fold_case_for_every_alphabet() {
        assertEquals(Text.searchKey("äpfel"), Text.searchKey("ÄPFEL"));
        assertEquals(Text.searchKey("strasse"), Text.searchKey("STRASSE"));
        assertEquals(Text.searchKey("straße"), Text.searchKey("STRASSE"));
        assertEquals(Text.searchKey("ΟΔΥΣΣΕΥΣ"), Text.searchKey("οδυσσευς"));
        // Composed and decomposed forms of the same text share a key.
        assertEquals(Text.searchKey("\u00e4"), Text.searchKey("a\u0308"));
    }
}

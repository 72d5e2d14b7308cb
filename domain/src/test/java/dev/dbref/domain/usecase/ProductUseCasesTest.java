package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.ExpectedVersion;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.InvalidQueryException;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.model.ProductDeletion;
import dev.dbref.domain.model.ProductPatch;
import dev.dbref.domain.model.ProductUpdate;
import dev.dbref.domain.model.StaleVersionException;
import dev.dbref.domain.model.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProductUseCasesTest {
    private final InMemoryProducts store = new InMemoryProducts();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:30.123456Z"), ZoneOffset.UTC);
    private final ProductUseCases products = ProductUseCases.over(store, clock, new SafeRetries(store, clock, SafeRetriesTest.SETTINGS));

    private static ProductDraft draft(String name) {
        return new ProductDraft(name, null, new BigDecimal("1.00"), 1);
    }

    private static ProductPatch quantity(long q) {
        return new ProductPatch(Change.keep(), Change.keep(), Change.keep(), Change.to(q));
    }

    @Test
    void create_stamps_both_timestamps_at_millisecond_precision() {
        Product p = products.createProduct().create(Caller.ANYONE, draft("a"));
        assertEquals(Instant.parse("2026-11-22T10:15:30.123Z"), p.createdAt());
        assertEquals(p.createdAt(), p.updatedAt());
        assertEquals(1, store.unitsOfWork);
    }

    @Test
    void get_of_a_missing_product_is_not_found() {
        assertThrows(NotFoundException.class, () -> products.getProduct().get(7));
    }

    @Test
    void update_tells_a_stale_version_from_a_missing_product() {
        long id = products.createProduct().create(Caller.ANYONE, draft("a")).id();

        assertEquals(2, products.updateProduct().update(Caller.ANYONE, new ProductUpdate(id, quantity(5), ExpectedVersion.of(1))).version());
        assertThrows(StaleVersionException.class, () -> products.updateProduct().update(Caller.ANYONE, new ProductUpdate(id, quantity(6), ExpectedVersion.of(1))));
        assertThrows(NotFoundException.class, () -> products.updateProduct().update(Caller.ANYONE, new ProductUpdate(id + 1, quantity(6), ExpectedVersion.of(1))));
        assertEquals(5, products.getProduct().get(id).quantity());
    }

    @Test
    void an_empty_patch_changes_nothing_but_still_checks_existence_and_version() {
        long id = products.createProduct().create(Caller.ANYONE, draft("a")).id();
        ProductPatch empty = new ProductPatch(Change.keep(), Change.keep(), Change.keep(), Change.keep());

        assertEquals(1, products.updateProduct().update(Caller.ANYONE, new ProductUpdate(id, empty, ExpectedVersion.any())).version());
        assertEquals(1, products.updateProduct().update(Caller.ANYONE, new ProductUpdate(id, empty, ExpectedVersion.of(1))).version());
        assertThrows(StaleVersionException.class, () -> products.updateProduct().update(Caller.ANYONE, new ProductUpdate(id, empty, ExpectedVersion.of(9))));
        assertThrows(NotFoundException.class, () -> products.updateProduct().update(Caller.ANYONE, new ProductUpdate(id + 1, empty, ExpectedVersion.any())));
    }

    @Test
    void delete_honours_the_version() {
        long id = products.createProduct().create(Caller.ANYONE, draft("a")).id();

        assertThrows(StaleVersionException.class, () -> products.deleteProduct().delete(Caller.ANYONE, new ProductDeletion(id, ExpectedVersion.of(2))));
        assertThrows(StaleVersionException.class, () -> products.deleteProduct().delete(Caller.ANYONE, new ProductDeletion(id, ExpectedVersion.unmatchable())));
        products.deleteProduct().delete(Caller.ANYONE, new ProductDeletion(id, ExpectedVersion.of(1)));
        assertThrows(NotFoundException.class, () -> products.deleteProduct().delete(Caller.ANYONE, new ProductDeletion(id, ExpectedVersion.any())));
    }

    @Test
    void bulk_create_takes_1_to_1000_drafts() {
        assertEquals(1000, products.createProducts().createAll(Caller.ANYONE, Collections.nCopies(1000, draft("x"))).size());
        assertThrows(ValidationException.class, () -> products.createProducts().createAll(Caller.ANYONE, List.of()));
        assertThrows(ValidationException.class, () -> products.createProducts().createAll(Caller.ANYONE, Collections.nCopies(1001, draft("x"))));
        assertEquals(1000, store.size());
    }

    @Test
    void bulk_changes_refuse_an_empty_filter() {
        products.createProduct().create(Caller.ANYONE, draft("a"));

        assertThrows(InvalidQueryException.class, () -> products.updateProducts().updateAll(Caller.ANYONE, ProductFilter.NONE, quantity(1)));
        assertThrows(InvalidQueryException.class, () -> products.deleteProducts().deleteAll(Caller.ANYONE, ProductFilter.NONE));
        assertEquals(1, store.size());
    }

    @Test
    void a_use_case_that_fails_inside_its_unit_of_work_leaves_nothing_behind() {
        assertThrows(IllegalStateException.class, () -> store.write(repos -> {
            repos.products().insert(draft("a"), clock.instant());
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, store.size());
    }
}

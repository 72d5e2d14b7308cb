package dev.dbref.persistence;

import dev.dbref.testkit.Topology;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.dbref.persistence.connection.PoolSettings;
import static dev.dbref.domain.model.Comparison.Operator.*;
import dev.dbref.domain.model.ExpectedVersion;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.ProductField;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.model.ProductPatch;
import dev.dbref.domain.model.ProductQuery;
import dev.dbref.domain.model.SortKey;
import dev.dbref.domain.port.ProductRepository;
import dev.dbref.domain.port.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static dev.dbref.persistence.TestProducts.aProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link ProductRepository} must do, run unchanged against each real database by a
 * subclass that only names the database.
 */
@ParameterizedClass
// Not on the standby topology: the persistence layer reads what it just wrote without a
// Consistency-Token (that is the web adapter's part, which the HTTP contracts cover there).
@EnumSource(value = Topology.class, names = {"SQLITE_FILE", "POSTGRES", "POSTGRES_VIA_PGBOUNCER", "POSTGRES_TLS_LEAST_PRIVILEGE"})
class ProductRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123Z");
    private static final Instant T1 = Instant.parse("2026-11-22T10:16:00.456Z");

    private DatabaseFixture db;
    private UnitOfWork uow;

    @Parameter
    Topology topology;

    @BeforeEach
    void open() {
        db = DatabaseFixture.on(topology);
        uow = db.unitOfWork();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private <T> T write(Function<ProductRepository, T> work) {
        return uow.write(repos -> work.apply(repos.products()));
    }

    private <T> T read(Function<ProductRepository, T> work) {
        return uow.read(repos -> work.apply(repos.products()));
    }

    private boolean check(Function<ProductRepository, Boolean> work) {
        return uow.write(repos -> work.apply(repos.products()));
    }

    private Product insert(ProductDraft draft) {
        return write(p -> p.insert(draft, T0));
    }

    private List<Long> ids(ProductFilter filter) {
        return read(p -> p.find(new ProductQuery(filter, List.of(), Set.of(), PageRequest.FIRST)))
                .stream().map(Product::id).toList();
    }

    @Test
    void insert_stores_every_property_and_starts_at_version_1() {
        Product created = insert(aProduct().named("Pear").described("green").priced("19.99").quantity(3).build());

        Product read = read(p -> p.findById(created.id())).orElseThrow();
        assertEquals(created, read);
        assertTrue(read.id() > 0);
        assertEquals("Pear", read.name());
        assertEquals("green", read.description());
        assertEquals(new BigDecimal("19.99"), read.price());
        assertEquals(3, read.quantity());
        assertEquals(1, read.version());
        assertEquals(T0, read.createdAt());
        assertEquals(T0, read.updatedAt());
    }

    @Test
    void prices_come_back_exact_at_the_extremes_of_the_range() {
        for (String price : List.of("0.00", "0.01", "0.10", "19.99", "1.50", "99999999.99", "12345678.91")) {
            Product created = insert(aProduct().priced(price).build());
            assertEquals(new BigDecimal(price), read(p -> p.findById(created.id())).orElseThrow().price(), price);
        }
    }

    @Test
    void timestamps_come_back_exact_at_every_precision_by_id_and_in_a_page() {
        // findById reads its row over plain JDBC (PreparedRead), pages through jOOQ: both must read
        // what jOOQ wrote, to the microsecond PostgreSQL keeps.
        for (String at : List.of("2026-11-22T10:15:30Z", "2026-11-22T10:15:30.100Z", "2026-11-22T10:15:30.123456Z",
                "1999-12-31T23:59:59.999999Z", "2026-03-29T01:30:00.000001Z")) {
            Instant instant = Instant.parse(at);
            Product created = write(p -> p.insert(aProduct().named(at).build(), instant));
            Product byId = read(p -> p.findById(created.id())).orElseThrow();
            assertEquals(instant, byId.createdAt(), at);
            assertEquals(instant, byId.updatedAt(), at);
            assertEquals(created, byId, at);
        }
        List<Product> page = read(p -> p.find(new ProductQuery(ProductFilter.NONE, List.of(), Set.of(), PageRequest.FIRST)));
        for (Product listed : page) {
            assertEquals(listed, read(p -> p.findById(listed.id())).orElseThrow(), "a page and findById read one row alike");
        }
    }

    @Test
    void find_by_unknown_id_is_empty() {
        assertTrue(read(p -> p.findById(424242)).isEmpty());
        assertFalse(check(p -> p.exists(424242)));
    }

    @Test
    void insert_all_returns_ids_in_input_order_in_one_statement() {
        List<ProductDraft> drafts = IntStream.range(0, 250).mapToObj(i -> aProduct().named("item " + i).build()).toList();

        List<Long> ids = write(p -> p.insertAll(drafts, T0));

        assertEquals(250, ids.size());
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            assertEquals("item " + i, read(p -> p.findById(id)).orElseThrow().name());
        }
    }

    @Test
    void insert_all_is_one_statement_and_stores_every_value_as_a_single_insert_would() {
        List<ProductDraft> drafts = List.of(
                aProduct().named("quote \" backslash \\ slash /").described("line\nbreak\ttab\u0001control").priced("0.00").build(),
                aProduct().named("Ünïcödé ÄÖÜ ß 日本語 😀").described(null).priced("0.01").quantity(Long.MAX_VALUE).build(),
                aProduct().named("{\"json\": [1, 2]}").described("'single' quotes; -- comment").priced("99999999.99").build(),
                aProduct().named("x".repeat(100)).described("y".repeat(500)).priced("12.30").quantity(7).build());
        AtomicInteger statements = new AtomicInteger();
        try (DatabaseFixture counted = DatabaseFixture.on(topology, PoolSettings.DEFAULTS, nanos -> statements.incrementAndGet())) {
            List<Long> ids = counted.unitOfWork().write(repos -> repos.products().insertAll(drafts, T0));
            assertEquals(1, statements.get(), "one INSERT for the whole batch");

            for (int i = 0; i < drafts.size(); i++) {
                long id = ids.get(i);
                Product stored = counted.unitOfWork().read(repos -> repos.products().findById(id)).orElseThrow();
                ProductDraft draft = drafts.get(i);
                assertEquals(draft.name(), stored.name());
                assertEquals(draft.description(), stored.description());
                assertEquals(draft.price(), stored.price());
                assertEquals(draft.quantity(), stored.quantity());
                assertEquals(1, stored.version());
                assertEquals(T0, stored.createdAt());
                assertEquals(T0, stored.updatedAt());
            }
            // The search key is stored too: a case-insensitive search finds the bulk-inserted row.
            ProductFilter umlauts = ProductFilter.NONE.nameContaining("äöü");
            assertEquals(List.of(ids.get(1)), counted.unitOfWork().read(repos -> repos.products()
                    .find(new ProductQuery(umlauts, List.of(), Set.of(), PageRequest.FIRST))
                    .stream().map(Product::id).toList()));
        }
    }

    @Test
    void update_changes_only_present_properties_and_bumps_version() {
        Product created = insert(aProduct().named("Pear").described("green").priced("1.00").quantity(5).build());
        ProductPatch patch = new ProductPatch(Change.keep(), Change.to(null), Change.to(new BigDecimal("2.50")), Change.keep());

        Product updated = write(p -> p.update(created.id(), patch, ExpectedVersion.any(), T1)).orElseThrow();

        assertEquals("Pear", updated.name());
        assertNull(updated.description());
        assertEquals(new BigDecimal("2.50"), updated.price());
        assertEquals(5, updated.quantity());
        assertEquals(2, updated.version());
        assertEquals(T0, updated.createdAt());
        assertEquals(T1, updated.updatedAt());
    }

    @Test
    void update_with_the_current_version_succeeds_and_with_a_stale_one_changes_nothing() {
        Product created = insert(aProduct().quantity(1).build());
        ProductPatch toTwo = new ProductPatch(Change.keep(), Change.keep(), Change.keep(), Change.to(2L));
        ProductPatch toThree = new ProductPatch(Change.keep(), Change.keep(), Change.keep(), Change.to(3L));

        assertTrue(write(p -> p.update(created.id(), toTwo, ExpectedVersion.of(1), T1)).isPresent());
        assertTrue(write(p -> p.update(created.id(), toThree, ExpectedVersion.of(1), T1)).isEmpty());

        Product now = read(p -> p.findById(created.id())).orElseThrow();
        assertEquals(2, now.quantity());
        assertEquals(2, now.version());
    }

    @Test
    void replace_sets_every_property_and_resets_omitted_ones() {
        Product created = insert(aProduct().named("Old").described("text").priced("5.00").quantity(9).build());

        Product replaced = write(p -> p.replace(created.id(), aProduct().named("New").priced("6.00").build(), ExpectedVersion.of(1), T1))
                .orElseThrow();

        assertEquals("New", replaced.name());
        assertNull(replaced.description());
        assertEquals(0, replaced.quantity());
        assertEquals(2, replaced.version());
        assertTrue(write(p -> p.replace(created.id(), aProduct().build(), ExpectedVersion.of(1), T1)).isEmpty());
    }

    @Test
    void delete_honours_the_version_and_reports_whether_a_row_went() {
        Product created = insert(aProduct().build());

        assertFalse(check(p -> p.delete(created.id(), ExpectedVersion.of(7))));
        assertTrue(check(p -> p.exists(created.id())));
        assertTrue(check(p -> p.delete(created.id(), ExpectedVersion.of(1))));
        assertFalse(check(p -> p.exists(created.id())));
        assertFalse(check(p -> p.delete(created.id(), ExpectedVersion.any())));
    }

    @Test
    void name_contains_folds_case_for_every_alphabet() {
        long apples = insert(aProduct().named("ÄPFEL aus Südtirol").build()).id();
        long street = insert(aProduct().named("Straße").build()).id();
        long greek = insert(aProduct().named("ΟΔΥΣΣΕΥΣ").build()).id();
        insert(aProduct().named("Birnen").build());

        assertEquals(List.of(apples), ids(ProductFilter.NONE.nameContaining("äpfel")));
        assertEquals(List.of(apples), ids(ProductFilter.NONE.nameContaining("SÜD")));
        assertEquals(List.of(street), ids(ProductFilter.NONE.nameContaining("STRASSE")));
        assertEquals(List.of(greek), ids(ProductFilter.NONE.nameContaining("οδυσσευς")));
    }

    @Test
    void name_contains_takes_percent_underscore_and_escape_literally() {
        long percent = insert(aProduct().named("100% cotton").build()).id();
        long underscore = insert(aProduct().named("snake_case").build()).id();
        long bang = insert(aProduct().named("wow!").build()).id();
        insert(aProduct().named("1000 cottons").build());
        insert(aProduct().named("snakeXcase").build());

        assertEquals(List.of(percent), ids(ProductFilter.NONE.nameContaining("0%")));
        assertEquals(List.of(underscore), ids(ProductFilter.NONE.nameContaining("e_c")));
        assertEquals(List.of(bang), ids(ProductFilter.NONE.nameContaining("w!")));
    }

    @Test
    void price_filters_are_exact_at_their_boundaries() {
        long low = insert(aProduct().priced("19.98").build()).id();
        long mid = insert(aProduct().priced("19.99").build()).id();
        long high = insert(aProduct().priced("20.00").build()).id();
        BigDecimal p = new BigDecimal("19.99");

        assertEquals(List.of(high), ids(ProductFilter.NONE.price(GT, p)));
        assertEquals(List.of(mid, high), ids(ProductFilter.NONE.price(GTE, p)));
        assertEquals(List.of(low), ids(ProductFilter.NONE.price(LT, p)));
        assertEquals(List.of(low, mid), ids(ProductFilter.NONE.price(LTE, p)));
    }

    @Test
    void quantity_filters_are_exact_at_their_boundaries() {
        long four = insert(aProduct().quantity(4).build()).id();
        long five = insert(aProduct().quantity(5).build()).id();
        long six = insert(aProduct().quantity(6).build()).id();

        assertEquals(List.of(five), ids(ProductFilter.NONE.quantity(EQ, 5L)));
        assertEquals(List.of(six), ids(ProductFilter.NONE.quantity(GT, 5L)));
        assertEquals(List.of(five, six), ids(ProductFilter.NONE.quantity(GTE, 5L)));
        assertEquals(List.of(four), ids(ProductFilter.NONE.quantity(LT, 5L)));
        assertEquals(List.of(four, five), ids(ProductFilter.NONE.quantity(LTE, 5L)));
    }

    @Test
    void sorting_by_several_keys_breaks_remaining_ties_by_id() {
        long a = insert(aProduct().named("b").priced("2.00").build()).id();
        long b = insert(aProduct().named("a").priced("2.00").build()).id();
        long c = insert(aProduct().named("c").priced("1.00").build()).id();
        long d = insert(aProduct().named("a").priced("2.00").build()).id();

        List<SortKey> byPriceDescThenName = List.of(new SortKey(ProductField.PRICE, true), new SortKey(ProductField.NAME, false));
        List<Long> sorted = read(p -> p.find(new ProductQuery(ProductFilter.NONE, byPriceDescThenName, Set.of(), PageRequest.FIRST)))
                .stream().map(Product::id).toList();

        assertEquals(List.of(b, d, a, c), sorted);
    }

    @Test
    void walking_pages_of_a_sort_with_many_ties_sees_every_row_once() {
        List<ProductDraft> drafts = IntStream.range(0, 95)
                .mapToObj(i -> aProduct().named("n" + i).priced(String.valueOf(i % 4)).build()).toList();
        List<Long> all = write(p -> p.insertAll(drafts, T0));

        List<Long> seen = new ArrayList<>();
        for (int skip = 0; skip < 95; skip += 10) {
            ProductQuery page = new ProductQuery(ProductFilter.NONE, List.of(new SortKey(ProductField.PRICE, true)),
                    Set.of(ProductField.ID), PageRequest.offset(skip, 10));
            // The repository fetches one row beyond the page, which tells that more follow.
            read(p -> p.find(page)).stream().limit(10).forEach(product -> seen.add(product.id()));
        }

        assertEquals(95, seen.size());
        assertEquals(Set.copyOf(all), Set.copyOf(seen));
    }

    @Test
    void a_projection_reads_only_the_requested_columns_and_the_keys_of_its_order() {
        insert(aProduct().named("Pear").described("green").priced("3.00").quantity(2).build());

        Product only = read(p -> p.find(new ProductQuery(ProductFilter.NONE, List.of(),
                Set.of(ProductField.NAME, ProductField.PRICE), PageRequest.FIRST))).getFirst();

        assertEquals("Pear", only.name());
        assertEquals(new BigDecimal("3.00"), only.price());
        assertNull(only.description());
        assertNull(only.createdAt());
        assertTrue(only.id() > 0, "id orders the page and makes its cursor");
    }

    @Test
    void count_counts_every_match_regardless_of_the_page() {
        write(p -> p.insertAll(IntStream.range(0, 30).mapToObj(i -> aProduct().quantity(i).build()).toList(), T0));

        assertEquals(30L, (long) read(p -> p.count(ProductFilter.NONE)));
        assertEquals(10L, (long) read(p -> p.count(ProductFilter.NONE.quantity(GTE, 20L))));
    }

    @Test
    void update_all_changes_every_match_once_and_bumps_each_version() {
        long cheap = insert(aProduct().priced("1.00").build()).id();
        long dear = insert(aProduct().priced("100.00").build()).id();
        ProductPatch patch = new ProductPatch(Change.keep(), Change.keep(), Change.keep(), Change.to(42L));

        int updated = write(p -> p.updateAll(ProductFilter.NONE.price(LT, new BigDecimal("50")), patch, T1));

        assertEquals(1, updated);
        Product changed = read(p -> p.findById(cheap)).orElseThrow();
        assertEquals(42, changed.quantity());
        assertEquals(2, changed.version());
        assertEquals(1, read(p -> p.findById(dear)).orElseThrow().version());
    }

    @Test
    void update_all_renaming_keeps_the_search_key_in_step() {
        long id = insert(aProduct().named("old name").quantity(1).build()).id();
        ProductPatch rename = new ProductPatch(Change.to("NEUER Näme"), Change.keep(), Change.keep(), Change.keep());

        write(p -> p.updateAll(ProductFilter.NONE.quantity(EQ, 1L), rename, T1));

        assertEquals(List.of(id), ids(ProductFilter.NONE.nameContaining("näme")));
        assertEquals(List.of(), ids(ProductFilter.NONE.nameContaining("old")));
    }

    @Test
    void delete_all_removes_exactly_the_matches() {
        insert(aProduct().quantity(0).build());
        long kept = insert(aProduct().quantity(5).build()).id();

        int deleted = write(p -> p.deleteAll(ProductFilter.NONE.quantity(EQ, 0L)));

        assertEquals(1, deleted);
        assertEquals(List.of(kept), ids(ProductFilter.NONE));
    }

    @Test
    void ids_are_never_reused_after_a_delete() {
        long first = insert(aProduct().build()).id();
        write(p -> p.delete(first, ExpectedVersion.any()));

        long second = insert(aProduct().build()).id();

        assertTrue(second > first);
    }
}

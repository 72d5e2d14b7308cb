package dev.dbref.persistence;

import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.ProductField;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.model.ProductQuery;
import dev.dbref.domain.model.SortKey;
import dev.dbref.persistence.repository.JooqProductRepository;
import dev.dbref.persistence.repository.JooqRepositories;
import dev.dbref.testkit.Connections;
import dev.dbref.testkit.TestDatabase;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static dev.dbref.persistence.TestProducts.aProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page reached by {@code skip} computes its ids once, whatever plan the database picks.
 * Statistics go stale right after a bulk load (autovacuum analyzes later); a planner that then
 * that joined the page with the table could run the page's sort once per product, and a request
 * that takes 0.1 s hit the 30 s statement timeout. The page is therefore computed before the rows
 * are read (an InitPlan on PostgreSQL; on SQLite a co-routine run once, each row then found by its
 * rowid): no plan can repeat it, even with the planner's joins constrained as a bad estimate
 * would constrain them.
 */
class SkipPagePlanTest {
    private static final Pattern LOOPS = Pattern.compile("loops=(\\d+)");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_skipped_page_is_computed_once_even_when_the_statistics_say_the_table_is_tiny(TestDatabase kind) {
        Connections connections = kind.fresh();
        try (DatabaseFixture db = DatabaseFixture.open(connections)) {
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            db.unitOfWork().write(r -> r.products().insertAll(drafts(5), at));
            SeekPlanTest.analyze(connections, kind == TestDatabase.SQLITE ? "ANALYZE" : "ANALYZE products");
            db.unitOfWork().write(r -> r.products().insertAll(drafts(2000), at));
            JooqRepositories repositories = new JooqRepositories(DSL.using(db.database.pool(),
                    kind == TestDatabase.SQLITE ? SQLDialect.SQLITE : SQLDialect.POSTGRES));
            ProductQuery secondPage = new ProductQuery(ProductFilter.NONE,
                    List.of(new SortKey(ProductField.PRICE, true)), Set.of(ProductField.ID, ProductField.PRICE),
                    PageRequest.offset(200, 100));
            String sql = ((JooqProductRepository) repositories.products()).pageQuery(secondPage).getSQL(ParamType.INLINED);

            String plan = plan(repositories, kind, sql);
            System.out.println("-- " + kind + " skip=200 limit=100 sort=-price, stale statistics, worst-plan settings\n" + plan);
            if (kind == TestDatabase.POSTGRESQL) {
                assertTrue(plan.contains("InitPlan"), "the page is not computed first:\n" + plan);
                assertFalse(plan.contains("Nested Loop"), plan);
                for (String line : plan.split("\n")) {
                    Matcher loops = LOOPS.matcher(line);
                    if ((line.contains("Limit") || line.contains("Sort ")) && loops.find()) {
                        assertEquals("1", loops.group(1), "the page runs more than once:\n" + plan);
                    }
                }
            } else {
                assertTrue(plan.contains("CO-ROUTINE page"), "the page is not computed first:\n" + plan);
                assertTrue(plan.contains("SEARCH products USING INTEGER PRIMARY KEY"), "the rows are scanned:\n" + plan);
                assertFalse(plan.contains("CORRELATED"), "the page is evaluated per row:\n" + plan);
            }

            List<Product> page = db.unitOfWork().read(r -> r.products().find(secondPage));
            assertEquals(101, page.size(), "the page and the one row that tells a next page exists");
            for (int i = 1; i < page.size(); i++) {
                Product before = page.get(i - 1);
                Product next = page.get(i);
                int byPrice = before.price().compareTo(next.price());
                assertTrue(byPrice > 0 || byPrice == 0 && before.id() < next.id(), "out of order at " + i);
            }
        }
    }

    private static List<ProductDraft> drafts(int count) {
        return IntStream.range(0, count).mapToObj(i -> aProduct().named("p" + i).priced(i % 997 + ".00").build()).toList();
    }

    /** The plan as run; on PostgreSQL in one transaction whose settings leave the planner only the worst join. */
    private static String plan(JooqRepositories repositories, TestDatabase kind, String sql) {
        if (kind == TestDatabase.SQLITE) {
            return lines(repositories.dsl().fetch("EXPLAIN QUERY PLAN " + sql));
        }
        return repositories.dsl().transactionResult(tx -> {
            for (String setting : List.of("join_collapse_limit = 1", "enable_material = off",
                    "enable_hashjoin = off", "enable_mergejoin = off")) {
                tx.dsl().execute("SET LOCAL " + setting);
            }
            return lines(tx.dsl().fetch("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql));
        });
    }

    private static String lines(org.jooq.Result<org.jooq.Record> result) {
        List<String> lines = new ArrayList<>();
        result.forEach(r -> lines.add(String.valueOf(r.get(r.size() - 1))));
        return String.join("\n", lines);
    }
}

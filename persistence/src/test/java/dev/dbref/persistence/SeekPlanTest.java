package dev.dbref.persistence;

import dev.dbref.testkit.Connections;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.persistence.repository.JooqProductRepository;
import dev.dbref.persistence.repository.JooqRepositories;
import dev.dbref.domain.model.PagePosition;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.ProductField;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.model.ProductQuery;
import dev.dbref.domain.model.SortKey;
import dev.dbref.domain.model.Totals;
import org.jooq.conf.ParamType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.dbref.persistence.TestProducts.aProduct;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page after a cursor is a seek through an index, for every documented sort in both
 * directions, on both databases: the plan never reads the whole table. The plans are printed,
 * and the README quotes them.
 */
class SeekPlanTest {
    private static final List<String> SORTS = List.of("id", "-id", "name", "-name", "price", "-price", "quantity",
            "-quantity", "created_at", "-created_at");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void every_documented_sort_seeks_through_an_index_and_its_first_page_reads_one(TestDatabase kind) {
        Connections connections = kind.fresh();
        try (DatabaseFixture db = DatabaseFixture.open(connections)) {
            List<ProductDraft> drafts = IntStream.range(0, 5000).mapToObj(i -> aProduct().named("p" + (i % 700))
                    .priced(String.valueOf(i % 300)).quantity(i % 50).build()).toList();
            for (int i = 0; i < 5; i++) {
                Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 3600L);
                db.unitOfWork().write(r -> r.products().insertAll(drafts.subList(0, 1000), at));
            }
            JooqRepositories repositories = new JooqRepositories(org.jooq.impl.DSL.using(db.database.pool(),
                    kind == TestDatabase.SQLITE ? org.jooq.SQLDialect.SQLITE : org.jooq.SQLDialect.POSTGRES));
            analyze(connections, kind == TestDatabase.SQLITE ? "ANALYZE" : "ANALYZE products");
            Product middle = db.unitOfWork().read(r -> r.products().findById(2500)).orElseThrow();

            for (String sort : SORTS) {
                SortKey key = new SortKey(ProductField.byApiName(sort.replace("-", "")).orElseThrow(), sort.startsWith("-"));
                ProductQuery first = new ProductQuery(ProductFilter.NONE, List.of(key), Set.of(), PageRequest.FIRST);
                ProductQuery after = new ProductQuery(ProductFilter.NONE, List.of(key), Set.of(),
                        new PageRequest(new PagePosition.After(first.seekKeyAfter(middle)), 20, Totals.NONE));
                String sql = ((JooqProductRepository) repositories.products()).pageQuery(after).getSQL(ParamType.INLINED);
                String plan = plan(repositories, kind, sql);
                System.out.println("-- " + kind + " sort=" + sort + "\n" + plan);
                if (kind == TestDatabase.POSTGRESQL) {
                    assertFalse(plan.contains("Seq Scan"), "sort=" + sort + " reads the whole table:\n" + plan);
                    assertTrue(plan.contains("Index"), "sort=" + sort + ":\n" + plan);
                } else {
                    assertTrue(plan.contains("SEARCH products USING"), "sort=" + sort + " is no seek:\n" + plan);
                }
                // The first page has no cursor: it must read the same index from its start, not sort the table.
                String firstSql = ((JooqProductRepository) repositories.products()).pageQuery(first).getSQL(ParamType.INLINED);
                String firstPlan = plan(repositories, kind, firstSql);
                System.out.println("-- " + kind + " first page, sort=" + sort + "\n" + firstPlan);
                if (kind == TestDatabase.POSTGRESQL) {
                    assertFalse(firstPlan.contains("Seq Scan"), "first page, sort=" + sort + " reads the whole table:\n" + firstPlan);
                } else {
                    assertFalse(firstPlan.contains("USE TEMP B-TREE FOR ORDER BY"),
                            "first page, sort=" + sort + " sorts the whole table:\n" + firstPlan);
                }
            }
        }
    }

    /** As the owner: PostgreSQL lets only a table's owner analyze it, and the runtime role is not. */
    static void analyze(Connections connections, String sql) {
        try (Connection c = TestDatabase.connect(connections.urlForMigrations()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plan(JooqRepositories repositories, TestDatabase kind, String sql) {
        List<String> lines = new ArrayList<>();
        String explain = kind == TestDatabase.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
        repositories.dsl().fetch(explain + sql).forEach(r -> lines.add(String.valueOf(r.get(r.size() - 1))));
        return String.join("\n", lines);
    }
}

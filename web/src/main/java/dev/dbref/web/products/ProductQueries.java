package dev.dbref.web.products;

import dev.dbref.web.http.HttpProblem;
import dev.dbref.web.http.QueryParams;
import dev.dbref.web.paging.Paging;
import dev.dbref.domain.model.Comparison.Operator;
import dev.dbref.domain.model.ProductField;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.model.ProductQuery;
import dev.dbref.domain.model.SortKey;
import io.helidon.common.uri.UriQuery;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The query string of {@code /products} to a {@link ProductQuery} or a bulk filter. */
final class ProductQueries {
    static final Set<String> FILTERS = Set.of("name_contains", "price_gt", "price_gte", "price_lt", "price_lte",
            "quantity", "quantity_gt", "quantity_gte", "quantity_lt", "quantity_lte");
    private static final Set<String> LIST_PARAMETERS = QueryParams.union(FILTERS, Paging.PARAMETERS, Set.of("sort", "fields"));

    private ProductQueries() {
    }

    static ProductQuery list(UriQuery query, Paging paging) {
        QueryParams params = new QueryParams(query, LIST_PARAMETERS);
        ProductFilter filter = filter(params);
        List<SortKey> sort = sort(params);
        return new ProductQuery(filter, sort, fields(params), paging.read(params, scope(filter, sort)));
    }

    /** What a cursor is bound to: this list, its filters and its sort (not its projection or page size). */
    static String scope(ProductQuery query) {
        return scope(query.filter(), query.sort());
    }

    private static String scope(ProductFilter filter, List<SortKey> sort) {
        return "products " + filter + " " + sort;
    }

    /** A bulk change takes filters only: paging or sorting would not make it address fewer rows. */
    static ProductFilter bulkFilter(UriQuery query) {
        for (String name : query.names()) {
            if (LIST_PARAMETERS.contains(name) && !FILTERS.contains(name)) {
                throw HttpProblem.badRequest("query parameter '" + name + "' is not a filter and not allowed on a bulk change");
            }
        }
        return filter(new QueryParams(query, FILTERS));
    }

    private static ProductFilter filter(QueryParams p) {
        ProductFilter filter = ProductFilter.NONE;
        if (p.text("name_contains") != null) {
            filter = filter.nameContaining(p.text("name_contains"));
        }
        for (Operator op : Operator.values()) {
            String suffix = op == Operator.EQ ? "" : "_" + op.name().toLowerCase(Locale.ROOT);
            if (op != Operator.EQ && p.decimal("price" + suffix) != null) {
                filter = filter.price(op, p.decimal("price" + suffix));
            }
            if (p.integer("quantity" + suffix) != null) {
                filter = filter.quantity(op, p.integer("quantity" + suffix));
            }
        }
        return filter;
    }

    private static List<SortKey> sort(QueryParams params) {
        return params.list("sort").stream().map(ProductQueries::sortKey).toList();
    }

    private static SortKey sortKey(String item) {
        boolean descending = item.startsWith("-");
        String name = descending ? item.substring(1) : item;
        ProductField field = ProductField.byApiName(name)
                .filter(ProductField::sortable)
                .orElseThrow(() -> HttpProblem.badRequest("cannot sort by '" + name
                        + "'; sortable: id, name, price, quantity, created_at"));
        return new SortKey(field, descending);
    }

    private static Set<ProductField> fields(QueryParams params) {
        Set<ProductField> fields = EnumSet.noneOf(ProductField.class);
        for (String name : params.list("fields")) {
            fields.add(ProductField.byApiName(name)
                    .orElseThrow(() -> HttpProblem.badRequest("unknown field '" + name + "' in 'fields'")));
        }
        return fields;
    }
}

package dev.dbref.persistence.repository;

import dev.dbref.domain.model.ProductDraft;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.dbref.db.jooq.Tables.PRODUCTS;

/**
 * The drafts of a bulk insert as one derived table {@code t(name, name_key, description, price,
 * quantity, ord)} bound as a handful of parameters, whatever the number of rows.
 *
 * <p>Why not a multi-row {@code VALUES}: with 8 binds a row, a 1,000-row insert is an 8,000-bind
 * statement, and building and rendering it took more than half of the request's CPU in JFR, plus
 * the server's parse and plan of it. Here the statement text is the same for every size:
 * PostgreSQL gets one typed array per column ({@code unnest(...) WITH ORDINALITY}), SQLite, which
 * has no arrays, one JSON array ({@code json_each}). {@code ord} is the input position, so ids are
 * assigned in input order.
 */
final class ProductRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Table<?> ALIAS = DSL.table(DSL.name("t"));

    final Table<?> table;
    final Field<String> name = DSL.field(DSL.name("t", "name"), PRODUCTS.NAME.getDataType());
    final Field<String> nameKey = DSL.field(DSL.name("t", "name_key"), PRODUCTS.NAME_KEY.getDataType());
    final Field<String> description = DSL.field(DSL.name("t", "description"), PRODUCTS.DESCRIPTION.getDataType());
    final Field<BigDecimal> price = DSL.field(DSL.name("t", "price"), PRODUCTS.PRICE.getDataType());
    final Field<Long> quantity = DSL.field(DSL.name("t", "quantity"), PRODUCTS.QUANTITY.getDataType());
    final Field<Long> position = DSL.field(DSL.name("t", "ord"), Long.class);

    private ProductRows(Table<?> table) {
        this.table = table;
    }

    static ProductRows of(DSLContext tx, List<ProductDraft> drafts) {
        return new ProductRows(switch (tx.dialect()) {
            case POSTGRES -> unnest(drafts);
            case SQLITE -> jsonEach(drafts);
            default -> throw new IllegalStateException("no bulk row source for " + tx.dialect());
        });
    }

    private static Table<?> unnest(List<ProductDraft> drafts) {
        int n = drafts.size();
        String[] names = new String[n];
        String[] keys = new String[n];
        String[] descriptions = new String[n];
        BigDecimal[] prices = new BigDecimal[n];
        Long[] quantities = new Long[n];
        for (int i = 0; i < n; i++) {
            ProductDraft d = drafts.get(i);
            names[i] = d.name();
            keys[i] = d.nameKey();
            descriptions[i] = d.description();
            prices[i] = d.price();
            quantities[i] = d.quantity();
        }
        return DSL.table("unnest({0}, {1}, {2}, {3}, {4}) with ordinality as {5}(name, name_key, description, price, quantity, ord)",
                DSL.val(names), DSL.val(keys), DSL.val(descriptions), DSL.val(prices), DSL.val(quantities), ALIAS);
    }

    private static Table<?> jsonEach(List<ProductDraft> drafts) {
        List<Map<String, Object>> rows = new ArrayList<>(drafts.size());
        for (ProductDraft d : drafts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", d.name());
            row.put("name_key", d.nameKey());
            row.put("description", d.description());
            // Text, as a BigDecimal bind is: the column's NUMERIC affinity converts both the same way.
            row.put("price", d.price().toPlainString());
            row.put("quantity", d.quantity());
            rows.add(row);
        }
        String json;
        try {
            json = JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers always serialise", e);
        }
        return DSL.table("(select value ->> 'name' as name, value ->> 'name_key' as name_key, "
                + "value ->> 'description' as description, value ->> 'price' as price, "
                + "value ->> 'quantity' as quantity, key as ord from json_each({0})) as {1}", DSL.val(json), ALIAS);
    }
}

package dev.dbref.persistence.repository;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hot query written in type-safe jOOQ, rendered to SQL once per dialect and then run as that SQL
 * with new bind values, as jOOQ's manual advises ("Performance considerations"): rendering a
 * {@code SELECT ... WHERE id = ?} cost a quarter of {@code GET /products/{id}}'s CPU, more than
 * the statement itself (JFR, bench/run). It still runs through the unit of work's
 * {@link DSLContext}, so every execute listener (statement counts, echo, read guard, watchdog)
 * sees it, and its rows are read through the table's own fields and bindings.
 *
 * @param <R> the table's record
 */
final class RenderedOnce<R extends Record> {
    private final Table<R> table;
    private final ResultQuery<R> template;
    private final Map<SQLDialect, String> sql = new ConcurrentHashMap<>();

    /** @param template the query, unattached, with one {@code DSL.val} placeholder per bind value */
    RenderedOnce(Table<R> table, ResultQuery<R> template) {
        this.table = table;
        this.template = template;
    }

    ResultQuery<R> on(DSLContext tx, Object... bindValues) {
        String rendered = sql.computeIfAbsent(tx.dialect(), dialect -> tx.render(template));
        return tx.resultQuery(rendered, bindValues).coerce(table);
    }
}

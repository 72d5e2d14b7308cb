package dev.dbref.persistence.repository;

import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.ExecuteType;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The hottest read, a row by its key, written in type-safe jOOQ, rendered to SQL once per dialect
 * and then run as a plain JDBC {@link PreparedStatement} on the unit of work's connection.
 *
 * <p>Why: jOOQ's per-statement machinery (its execute context, statement wrappers, bindings and
 * records, and parsing a plain-SQL template for its bind markers) was 14 % of
 * {@code GET /products/{id}}'s CPU samples, more than pgjdbc under it (async-profiler, bench/run).
 * The statement still passes every {@link StatementHook} that jOOQ's statements pass, through
 * the same {@link StatementHooks}, and keeps jOOQ's query timeout.
 *
 * @param <T> what one row is read as
 */
final class PreparedRead<T> {
    /** Reads the current row of the result, its columns in the order the query selects them. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row, SQLDialect dialect) throws SQLException;
    }

    private final LongFunction<ResultQuery<?>> query;
    private final RowReader<T> reader;
    private final Map<SQLDialect, String> sql = new ConcurrentHashMap<>();

    /** @param query the query for one key, with that key as its only bind value */
    PreparedRead(LongFunction<ResultQuery<?>> query, RowReader<T> reader) {
        this.query = query;
        this.reader = reader;
    }

    /** The row with this key, if there is one. */
    Optional<T> fetch(DSLContext tx, long key) {
        Configuration configuration = tx.configuration();
        String statementSql = sql.computeIfAbsent(tx.dialect(), dialect -> tx.render(query.apply(0L)));
        Connection connection = configuration.connectionProvider().acquire();
        try (PreparedStatement statement = connection.prepareStatement(statementSql)) {
            Integer timeout = configuration.settings().getQueryTimeout();
            if (timeout != null && timeout > 0) {
                statement.setQueryTimeout(timeout);
            }
            statement.setLong(1, key);
            return run(tx, statement, statementSql, key);
        } catch (SQLException e) {
            // As jOOQ reports it, so that SqlErrors translates both alike.
            throw new DataAccessException("SQL [" + statementSql + "]; " + e.getMessage(), e);
        } finally {
            configuration.connectionProvider().release(connection);
        }
    }

    private Optional<T> run(DSLContext tx, PreparedStatement statement, String statementSql, long key) throws SQLException {
        StatementHooks hooks = StatementHooks.of(tx.configuration());
        try {
            hooks.starting(tx.configuration(), statement, ExecuteType.READ);
            long start = System.nanoTime();
            Optional<T> row;
            try (ResultSet result = statement.executeQuery()) {
                row = result.next() ? Optional.of(reader.read(result, tx.dialect())) : Optional.empty();
            }
            hooks.ran(statement, new RanStatement(System.nanoTime() - start, OptionalInt.of(row.isPresent() ? 1 : 0),
                    statementSql, () -> tx.renderInlined(query.apply(key))));
            return row;
        } catch (SQLException | RuntimeException e) {
            hooks.failed(statement);
            throw e;
        }
    }
}

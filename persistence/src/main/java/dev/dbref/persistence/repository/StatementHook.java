package dev.dbref.persistence.repository;

import org.jooq.Configuration;
import org.jooq.ExecuteType;

import java.sql.Statement;

/**
 * Something every statement of the adapter passes through, whether jOOQ runs it or
 * {@link PreparedRead} runs it over JDBC itself: the read-only guard, SQLite's watchdog, the
 * statement counts and the echo. {@link StatementHooks} calls it on the thread that runs the
 * statement.
 */
public interface StatementHook {
    /**
     * Before the statement runs; throws to refuse it.
     *
     * @param unitOfWork the jOOQ configuration of the unit of work it runs in, with its data
     */
    default void starting(Configuration unitOfWork, Statement statement, ExecuteType type) {
    }

    /** After it ran. */
    default void ran(Statement statement, RanStatement ran) {
    }

    /** Instead of {@link #ran}, when it failed or was refused. */
    default void failed(Statement statement) {
    }
}

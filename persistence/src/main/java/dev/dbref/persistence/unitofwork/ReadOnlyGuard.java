package dev.dbref.persistence.unitofwork;

import dev.dbref.persistence.repository.StatementHook;
import org.jooq.Configuration;
import org.jooq.ExecuteType;

import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refuses any statement but a query inside a read-only unit of work, on every database: a use
 * case that writes through {@code UnitOfWork.read} is a bug, caught before the statement runs.
 * So is a second statement in {@code readOne}, which runs without a transaction: it would not see
 * the first one's snapshot.
 */
public final class ReadOnlyGuard implements StatementHook {
    static final String READ_ONLY = "dev.dbref.readOnly";
    /** What a read-only unit of work may run, kept in its jOOQ configuration's data. */
    sealed interface Queries permits AnyQueries, OneQuery {
    }

    /** A read of as many queries as it likes, in one snapshot. */
    record AnyQueries() implements Queries {
    }

    /** A read of one query: counts what it runs. */
    static final class OneQuery implements Queries {
        private final AtomicInteger statements = new AtomicInteger();
    }

    @Override
    public void starting(Configuration unitOfWork, Statement statement, ExecuteType type) {
        if (!(unitOfWork.data(READ_ONLY) instanceof Queries read)) {
            return; // a write's unit of work
        }
        if (type != ExecuteType.READ) {
            throw new IllegalStateException("a read-only unit of work tried to run a " + type + " statement");
        }
        if (read instanceof OneQuery one && one.statements.incrementAndGet() > 1) {
            throw new IllegalStateException("a single-query read (UnitOfWork.readOne) ran a second statement; "
                    + "use UnitOfWork.read, which gives its statements one snapshot");
        }
    }
}

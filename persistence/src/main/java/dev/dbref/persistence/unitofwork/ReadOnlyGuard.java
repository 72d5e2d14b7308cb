package dev.dbref.persistence.unitofwork;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;

/**
 * Refuses any statement but a query inside a read-only unit of work, on every database: a use
 * case that writes through {@code UnitOfWork.read} is a bug, caught before the statement runs.
 */
public final class ReadOnlyGuard implements ExecuteListener {
    static final String READ_ONLY = "dev.dbref.readOnly";

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (Boolean.TRUE.equals(ctx.configuration().data(READ_ONLY)) && ctx.type() != ExecuteType.READ) {
            throw new IllegalStateException("a read-only unit of work tried to run a " + ctx.type() + " statement");
        }
    }
}

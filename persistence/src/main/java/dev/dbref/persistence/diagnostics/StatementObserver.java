package dev.dbref.persistence.diagnostics;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.ParamType;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.LongAdder;

/**
 * Times every statement jOOQ executes: reports it to the {@link StatementListener}, echoes it
 * when {@code DB_ECHO} is on (bind values masked unless {@code DB_HIDE_PARAMETERS=false}), and
 * warns about statements slower than the threshold.
 */
public final class StatementObserver implements ExecuteListener {
    private static final Logger SQL_LOG = System.getLogger("dev.dbref.sql");

    private final StatementListener listener;
    private final SqlEcho echo;
    private final ThreadLocal<Long> started = new ThreadLocal<>();
    private final LongAdder statements = new LongAdder();
    private final LongAdder nanosTotal = new LongAdder();

    public StatementObserver(StatementListener listener, SqlEcho echo) {
        this.listener = listener;
        this.echo = echo;
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        started.set(System.nanoTime());
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        Long start = started.get();
        if (start == null) {
            return;
        }
        started.remove();
        long nanos = System.nanoTime() - start;
        statements.increment();
        nanosTotal.add(nanos);
        listener.executed(nanos);
        boolean slow = nanos >= echo.slowStatement().toNanos();
        if (echo.statements() || slow) {
            String message = String.format("%s [%.2f ms, %d rows] %s", slow ? "slow statement" : "sql",
                    nanos / 1e6, Math.max(ctx.rows(), ctx.result() == null ? -1 : ctx.result().size()), sql(ctx));
            SQL_LOG.log(slow ? Level.WARNING : Level.INFO, message);
        }
    }

    public StatementTotals totals() {
        return new StatementTotals(statements.sum(), nanosTotal.sum() / 1e9);
    }

    private String sql(ExecuteContext ctx) {
        // ctx.sql() keeps the '?' placeholders: bind values appear only when explicitly allowed.
        if (!echo.hideParameters() && ctx.query() != null) {
            return ctx.query().getSQL(ParamType.INLINED);
        }
        return ctx.sql();
    }
}

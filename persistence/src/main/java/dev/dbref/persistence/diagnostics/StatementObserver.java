package dev.dbref.persistence.diagnostics;

import dev.dbref.persistence.repository.RanStatement;
import dev.dbref.persistence.repository.StatementHook;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sees every statement run: reports its time to the {@link StatementListener}, echoes it
 * when {@code DB_ECHO} is on (bind values masked unless {@code DB_HIDE_PARAMETERS=false}), and
 * warns about statements slower than the threshold.
 */
public final class StatementObserver implements StatementHook {
    private static final Logger SQL_LOG = System.getLogger("dev.dbref.sql");

    private final StatementListener listener;
    private final SqlEcho echo;
    private final LongAdder statements = new LongAdder();
    private final LongAdder nanosTotal = new LongAdder();

    public StatementObserver(StatementListener listener, SqlEcho echo) {
        this.listener = listener;
        this.echo = echo;
    }

    @Override
    public void ran(Statement statement, RanStatement ran) {
        long nanos = ran.nanos();
        statements.increment();
        nanosTotal.add(nanos);
        listener.executed(nanos);
        boolean slow = nanos >= echo.slowStatement().toNanos();
        if (echo.statements() || slow) {
            // The SQL keeps its '?' placeholders: bind values appear only when explicitly allowed.
            String sql = echo.hideParameters() ? ran.sql() : ran.withValues().get();
            String rows = ran.rows().isPresent() ? ", " + ran.rows().getAsInt() + " rows" : "";
            SQL_LOG.log(slow ? Level.WARNING : Level.INFO,
                    String.format("%s [%.2f ms%s] %s", slow ? "slow statement" : "sql", nanos / 1e6, rows, sql));
        }
    }

    public StatementTotals totals() {
        return new StatementTotals(statements.sum(), nanosTotal.sum() / 1e9);
    }
}

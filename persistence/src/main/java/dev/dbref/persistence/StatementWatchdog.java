package dev.dbref.persistence;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a SQLite statement that runs past the statement timeout. sqlite-jdbc's query timeout
 * only bounds lock waits, not a runaway query; {@code Statement.cancel()} interrupts it
 * ({@code sqlite3_interrupt}). PostgreSQL honours the JDBC query timeout itself.
 */
final class StatementWatchdog implements ExecuteListener {
    private static final String TIMER = "dbref.watchdog";
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dbref-statement-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration timeout;

    StatementWatchdog(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (ctx.statement() == null) {
            return;
        }
        var statement = ctx.statement();
        ctx.data(TIMER, SCHEDULER.schedule(() -> {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // already finished or closed
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        disarm(ctx);
    }

    @Override
    public void exception(ExecuteContext ctx) {
        disarm(ctx);
    }

    private static void disarm(ExecuteContext ctx) {
        if (ctx.data(TIMER) instanceof ScheduledFuture<?> timer) {
            timer.cancel(false);
        }
    }
}

package dev.dbref.persistence;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a SQLite statement that runs past the statement timeout. sqlite-jdbc's query timeout
 * only bounds lock waits, not a runaway query; {@code Statement.cancel()} interrupts it
 * ({@code sqlite3_interrupt}). PostgreSQL honours the JDBC query timeout itself.
 */
final class StatementWatchdog implements ExecuteListener {
    private static final String TIMER = "dbref.watchdog";
    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    private final Duration timeout;

    private static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "dbref-statement-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // Almost every timer is disarmed long before it is due. Kept in the queue until then, they
        // were 600,000 tasks and 40 MB of heap at 20k statements/s with a 30 s timeout, and the
        // service slowed down to a third in full collections (bench/run, -Xmx64m).
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    /** Timers armed and not yet disarmed or due, for tests. */
    static int armed() {
        return SCHEDULER.getQueue().size();
    }

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

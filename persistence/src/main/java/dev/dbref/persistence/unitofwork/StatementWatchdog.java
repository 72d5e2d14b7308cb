package dev.dbref.persistence.unitofwork;

import dev.dbref.persistence.repository.RanStatement;
import dev.dbref.persistence.repository.StatementHook;
import org.jooq.Configuration;
import org.jooq.ExecuteType;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a SQLite statement that runs past the statement timeout. sqlite-jdbc's query timeout
 * only bounds lock waits, not a runaway query; {@code Statement.cancel()} interrupts it
 * ({@code sqlite3_interrupt}). PostgreSQL honours the JDBC query timeout itself.
 *
 * <p>Running statements are noted with their start time and swept a few times per timeout,
 * rather than given a timer each: per-statement timers either piled up in the scheduler's queue
 * until due (600,000 of them, 40 MB at 20k statements/s with a 30 s timeout) or, removed on
 * cancel, woke the scheduler thread for every statement (SQLite POST -7% in bench/run).
 * A statement is thus cancelled between one and 1.1 timeouts after it started.
 */
public final class StatementWatchdog implements StatementHook, AutoCloseable {
    private static final ScheduledExecutorService SWEEPER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dbref-statement-watchdog").daemon().factory());

    private final long timeoutNanos;
    private final Map<Statement, Long> started = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> sweeping;

    public StatementWatchdog(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        long period = Math.clamp(timeout.toMillis() / 10, 10, 1_000);
        this.sweeping = SWEEPER.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void starting(Configuration unitOfWork, Statement statement, ExecuteType type) {
        if (statement != null) {
            started.put(statement, System.nanoTime());
        }
    }

    @Override
    public void ran(Statement statement, RanStatement ran) {
        forget(statement);
    }

    @Override
    public void failed(Statement statement) {
        forget(statement);
    }

    /** Statements started and not yet finished. */
    public int running() {
        return started.size();
    }

    private void forget(Statement statement) {
        if (statement != null) {
            started.remove(statement);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        started.forEach((statement, start) -> {
            // remove(key, value) first: a statement that finished meanwhile is not cancelled.
            if (now - start >= timeoutNanos && started.remove(statement, start)) {
                try {
                    statement.cancel();
                } catch (SQLException ignored) {
                    // already finished or closed
                }
            }
        });
    }

    @Override
    public void close() {
        sweeping.cancel(false);
        started.clear();
    }
}

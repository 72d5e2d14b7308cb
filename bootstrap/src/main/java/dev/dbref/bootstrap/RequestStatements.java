package dev.dbref.bootstrap;

import dev.dbref.persistence.StatementListener;
import dev.dbref.web.StatementStats;

/**
 * Bridges the persistence adapter's statement listener to the web adapter's per-request stats,
 * so neither adapter knows the other. A request runs start to end on one virtual thread, and its
 * unit of work runs on that same thread, so a thread-local counter sees exactly its statements.
 */
final class RequestStatements implements StatementListener, StatementStats {
    private static final ThreadLocal<Counter> CURRENT = new ThreadLocal<>();

    @Override
    public void begin() {
        CURRENT.set(new Counter());
    }

    @Override
    public void executed(long nanos) {
        Counter counter = CURRENT.get();
        if (counter != null) {
            counter.statements++;
            counter.nanos += nanos;
        }
    }

    @Override
    public Snapshot current() {
        Counter counter = CURRENT.get();
        return counter == null ? new Snapshot(0, 0) : new Snapshot(counter.statements, counter.nanos);
    }

    private static final class Counter {
        private int statements;
        private long nanos;
    }
}

package dev.dbref.bootstrap;

import dev.dbref.domain.port.StoreUnavailableException;
import dev.dbref.persistence.Database;
import dev.dbref.persistence.DatabaseUnreachableException;
import dev.dbref.persistence.PoolStats;
import dev.dbref.persistence.ServerInfo;
import dev.dbref.persistence.StatementTotals;
import dev.dbref.web.DatabaseProbe;

import java.time.Duration;

/** Answers the web adapter's operational questions from the persistence adapter's {@link Database}. */
final class DatabaseProbeAdapter implements DatabaseProbe {
    private final Database database;

    DatabaseProbeAdapter(Database database) {
        this.database = database;
    }

    @Override
    public Readiness ready(Duration timeout) {
        try {
            ServerInfo info = database.ping(timeout);
            return new Readiness(true, info.roundTrip().toNanos() / 1e6, null);
        } catch (DatabaseUnreachableException e) {
            return new Readiness(false, 0, e.getMessage());
        }
    }

    @Override
    public PoolFigures pool() {
        PoolStats s = database.poolStats();
        return new PoolFigures(s.active(), s.idle(), s.pending(), s.total(), s.max(), s.timeouts(), s.acquired(),
                s.acquireSeconds());
    }

    @Override
    public StatementFigures statements() {
        StatementTotals totals = database.statementTotals();
        return new StatementFigures(totals.statements(), totals.seconds());
    }

    @Override
    public String dialect() {
        return database.dialect().displayName();
    }

    @Override
    public Long serverConnections() {
        try {
            return database.serverConnections();
        } catch (DatabaseUnreachableException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        }
    }
}

package dev.dbref.bootstrap;

import dev.dbref.domain.port.StoreUnavailableException;
import dev.dbref.persistence.connection.DatabaseUnreachableException;
import dev.dbref.persistence.diagnostics.Diagnostics;
import dev.dbref.persistence.connection.PoolStats;
import dev.dbref.persistence.connection.ServerInfo;
import dev.dbref.web.observe.DatabaseProbe;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Answers the web adapter's operational questions from the persistence adapter's {@link Diagnostics}. */
final class DatabaseProbeAdapter implements DatabaseProbe {
    private final Diagnostics diagnostics;

    DatabaseProbeAdapter(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public Readiness ready(Duration timeout) {
        try {
            ServerInfo info = diagnostics.ready(timeout);
            return Readiness.up(info.roundTrip().toNanos() / 1e6);
        } catch (DatabaseUnreachableException e) {
            return Readiness.down(e.getMessage());
        }
    }

    @Override
    public PoolFigures pool() {
        return figures(diagnostics.poolStats());
    }

    private static PoolFigures figures(PoolStats s) {
        return new PoolFigures(s.active(), s.idle(), s.pending(), s.total(), s.max());
    }


    @Override
    public Optional<ReplicaFigures> replica() {
        return diagnostics.replicas().map(r -> new ReplicaFigures(r.skippedBecause(), r.lag().toMillis(), figures(r.pool())));
    }

    @Override
    public String dialect() {
        return diagnostics.dialect().displayName();
    }

    @Override
    public OptionalLong serverConnections() {
        try {
            return diagnostics.serverConnections();
        } catch (DatabaseUnreachableException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        }
    }
}

package dev.dbref.web;

import java.time.Duration;

/**
 * What operators ask of the database, answered outside the web adapter (the composition root
 * bridges it to the persistence adapter), so that health, metrics and the debug endpoint never
 * see SQL or the pool's classes.
 */
public interface DatabaseProbe {

    /** Runs {@code SELECT 1}, waiting at most {@code timeout}; never throws. */
    Readiness ready(Duration timeout);

    PoolFigures pool();

    /** Statements executed since start and their summed time. */
    StatementFigures statements();

    /** {@code sqlite} or {@code postgresql}. */
    String dialect();

    /** Connections the database server has to this database, or {@code null} where there is no server. */
    Long serverConnections();

    /**
     * @param reason why the database is not ready; {@code null} when it is. Never holds a credential.
     */
    record Readiness(boolean up, double latencyMillis, String reason) {
    }

    /**
     * @param pending  threads waiting for a connection
     * @param timeouts waits that gave up since start
     */
    record PoolFigures(int active, int idle, int pending, int total, int max, long timeouts, long acquired,
                       double acquireSeconds) {
    }

    record StatementFigures(long count, double seconds) {
    }
}

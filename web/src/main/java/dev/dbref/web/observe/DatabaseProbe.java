package dev.dbref.web.observe;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What operators ask of the database, answered outside the web adapter (the composition root
 * bridges it to the persistence adapter), so that health, metrics and the debug endpoint never
 * see SQL or the pool's classes.
 */
public interface DatabaseProbe {

    /** Runs {@code SELECT 1}, waiting at most {@code timeout}; never throws. */
    Readiness ready(Duration timeout);

    PoolFigures pool();


    /** {@code sqlite} or {@code postgresql}. */
    String dialect();

    /** The standbys that serve reads ({@code DATABASE_READ_URL}); empty when none are configured. */
    Optional<ReplicaFigures> replica();

    /**
     * @param skippedBecause why reads go to the primary now, in plain words; empty while the standbys serve them
     * @param lagMillis      how far behind the primary the standbys were at the last check
     * @param pool           the read pool
     */
    record ReplicaFigures(Optional<String> skippedBecause, long lagMillis, PoolFigures pool) {
    }

    /** Connections the database server has to this database; empty where there is no server. */
    OptionalLong serverConnections();

    /** The answer to "is the database ready?": up with a round trip, or down with a reason. */
    sealed interface Readiness {
        static Readiness up(double latencyMillis) {
            return new Up(latencyMillis);
        }

        static Readiness down(String reason) {
            return new Down(reason);
        }

        /** @param latencyMillis the {@code SELECT 1} round trip */
        record Up(double latencyMillis) implements Readiness {
        }

        /** @param reason in plain words, never a credential or a class name */
        record Down(String reason) implements Readiness {
        }
    }

    /** @param pending threads waiting for a connection */
    record PoolFigures(int active, int idle, int pending, int total, int max) {
    }

}

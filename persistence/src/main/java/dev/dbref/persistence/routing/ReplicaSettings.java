package dev.dbref.persistence.routing;

import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.Dialect;
import java.time.Duration;
import java.util.Optional;

/**
 * The hot standbys that serve reads ({@code DATABASE_READ_URL}).
 *
 * @param url                one or several standbys; the driver spreads connections over them
 * @param poolSize           the read pool's size; empty: the primary pool's
 * @param maxLag             a standby further behind the primary is skipped ({@code DB_REPLICA_MAX_LAG})
 * @param readYourWritesWait how long a read that carries a token waits for a standby to replay it
 *                           before the primary serves it ({@code DB_READ_YOUR_WRITES_WAIT})
 */
public record ReplicaSettings(DatabaseUrl url, Optional<Integer> poolSize, Duration maxLag, Duration readYourWritesWait) {
    public ReplicaSettings {
        if (url.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("DATABASE_READ_URL must name PostgreSQL standbys");
        }
        if (poolSize.isPresent() && poolSize.get() < 1) {
            throw new IllegalArgumentException("DB_READ_POOL_SIZE must be >= 1, was " + poolSize.get());
        }
        if (maxLag.isNegative() || readYourWritesWait.isNegative()) {
            throw new IllegalArgumentException("DB_REPLICA_MAX_LAG and DB_READ_YOUR_WRITES_WAIT must not be negative");
        }
    }
}

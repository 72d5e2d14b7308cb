package dev.dbref.persistence.routing;

import dev.dbref.persistence.connection.ConnectionFailures;
import dev.dbref.persistence.connection.SqlErrors;
import dev.dbref.persistence.unitofwork.Access;
import dev.dbref.persistence.unitofwork.ReadShape;
import dev.dbref.persistence.unitofwork.PoolEcho;
import dev.dbref.persistence.unitofwork.RepositoryBinding;
import dev.dbref.domain.port.UnitOfWork;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A read on a hot standby that has replayed what the request requires, on the standbys' own pool.
 * Reports "did not run here" rather than failing when the standbys are skipped, did not catch up
 * in time, or failed under the read in a way the primary will not repeat: nothing was written, so
 * the read simply runs again on the primary.
 */
public final class StandbyReads {
    private final Replicas standbys;
    private final RepositoryBinding repositories;
    private final PoolEcho echo;

    public StandbyReads(Replicas standbys, RepositoryBinding repositories, PoolEcho echo) {
        this.standbys = standbys;
        this.repositories = repositories;
        this.echo = echo;
    }

    /** What a unit of work returned (which may be null), apart from "it did not run here". */
    record Reply<T>(T value) {
    }

    <T> Optional<Reply<T>> read(UnitOfWork.Work<T> work, ReadShape shape, Optional<CommitPosition> mustSee) {
        try {
            Optional<Connection> caughtUp = standbys.connection(mustSee);
            if (caughtUp.isEmpty()) {
                return Optional.empty();
            }
            try (Connection connection = caughtUp.get()) {
                echo.checkout(Access.READS);
                return Optional.of(new Reply<>(shape.run(connection, () -> work.run(repositories.forReads(connection, shape)))));
            } finally {
                echo.checkin();
            }
        } catch (SQLException | RuntimeException e) {
            if (!SqlErrors.isStandbyFailure(e)) {
                throw SqlErrors.translate(e);
            }
            standbys.failed("a read failed on the standby: " + ConnectionFailures.describe(e));
            return Optional.empty();
        }
    }
}

package dev.dbref.persistence.routing;

import dev.dbref.persistence.unitofwork.Access;
import dev.dbref.persistence.unitofwork.ReadShape;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.port.UnitOfWork;

import java.util.Optional;

/**
 * Decides which server serves a unit of work, once, from what the request declared before it
 * began: a request that may write ({@link Access#WRITES}) runs every unit of work on the primary,
 * its reads included, so a lagging standby never answers a write request (a {@code PATCH} that
 * changes nothing still reads from the primary). A request that only reads runs its reads on a
 * standby when one is in use and has replayed what the request's {@code Consistency-Token}
 * names; otherwise, and when the standby fails under it, on the primary.
 */
public final class RoutingUnitOfWork implements UnitOfWork {
    private final UnitOfWork primary;
    private final StandbyReads standbys;
    private final RequestScope requests;

    public RoutingUnitOfWork(UnitOfWork primary, StandbyReads standbys, RequestScope requests) {
        this.primary = primary;
        this.standbys = standbys;
        this.requests = requests;
    }

    @Override
    public <T> T read(Work<T> work) {
        Optional<StandbyReads.Reply<T>> standby = onStandby(work, ReadShape.SNAPSHOT);
        return standby.isPresent() ? standby.get().value() : primary.read(work);
    }

    @Override
    public <T> T readOne(Work<T> work) {
        Optional<StandbyReads.Reply<T>> standby = onStandby(work, ReadShape.ONE_QUERY);
        return standby.isPresent() ? standby.get().value() : primary.readOne(work);
    }

    /** Served by a standby when the request only reads and one has replayed what it must see. */
    private <T> Optional<StandbyReads.Reply<T>> onStandby(Work<T> work, ReadShape shape) {
        Optional<RequestScope.DeclaredRequest> request = requests.current();
        if (request.map(RequestScope.DeclaredRequest::access).orElse(Access.READS) != Access.READS) {
            return Optional.empty();
        }
        Optional<CommitPosition> mustSee = request.flatMap(RequestScope.DeclaredRequest::mustSee).filter(p -> !p.isNone());
        return standbys.read(work, shape, mustSee);
    }

    @Override
    public <T> T write(Work<T> work) {
        return primary.write(work);
    }

    /** Writes only: reads are not bound, and a standby serves them as before. */
    @Override
    public UnitOfWork actingFor(Caller caller) {
        return new RoutingUnitOfWork(primary.actingFor(caller), standbys, requests);
    }
}

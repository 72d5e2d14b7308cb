package dev.dbref.persistence.routing;

import dev.dbref.persistence.unitofwork.Access;
import java.util.Optional;

/**
 * The request being served on the calling thread, as the persistence adapter needs to know it to
 * route its units of work. The web adapter owns the request; the composition root implements this
 * over it, so neither adapter knows the other.
 */
@FunctionalInterface
public interface RequestScope {
    /** For work outside any request (start-up, jobs, tests): reads may go to a standby, as a GET's. */
    RequestScope NONE = Optional::empty;

    /** The request on this thread; empty outside one. */
    Optional<DeclaredRequest> current();

    /** What a request declared when it began, and where it learns what its writes committed. */
    interface DeclaredRequest {
        /** Decided by the request's method, before any unit of work begins. */
        Access access();

        /** The write its client's {@code Consistency-Token} names, which every read must see; empty: none. */
        Optional<CommitPosition> mustSee();

        /** Told after each commit of a write: the position the response's {@code Consistency-Token} names. */
        void committed(CommitPosition position);
    }
}

package dev.dbref.persistence;

import dev.dbref.persistence.routing.CommitPosition;
import dev.dbref.persistence.routing.RequestScope;
import dev.dbref.persistence.unitofwork.Access;
import java.util.Optional;

/**
 * A request scope the test sets by hand, as the web adapter's request would be: what the request
 * declared, and the positions its writes committed.
 */
final class TestRequests implements RequestScope {
    private volatile Optional<DeclaredRequest> current = Optional.empty();

    /** A request of {@code access} whose reads must see {@code mustSee}; remembers what it committed. */
    static final class Served implements DeclaredRequest {
        private final Access access;
        private final Optional<CommitPosition> mustSee;
        private volatile Optional<CommitPosition> committed = Optional.empty();

        Served(Access access, Optional<CommitPosition> mustSee) {
            this.access = access;
            this.mustSee = mustSee;
        }

        @Override
        public Access access() {
            return access;
        }

        @Override
        public Optional<CommitPosition> mustSee() {
            return mustSee;
        }

        @Override
        public void committed(CommitPosition position) {
            committed = Optional.of(position);
        }

        Optional<CommitPosition> lastCommitted() {
            return committed;
        }
    }

    Served begin(Access access, Optional<CommitPosition> mustSee) {
        Served served = new Served(access, mustSee);
        current = Optional.of(served);
        return served;
    }

    void end() {
        current = Optional.empty();
    }

    @Override
    public Optional<DeclaredRequest> current() {
        return current;
    }
}

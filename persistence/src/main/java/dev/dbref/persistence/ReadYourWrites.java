package dev.dbref.persistence;

import java.util.Optional;

/**
 * Read-your-writes across a primary and its standbys, per request. A request runs start to end
 * on one virtual thread, and so do its units of work: a thread-local holds what the request
 * requires of its reads (the position its client's {@code Consistency-Token} names) and what its
 * last write committed (the token to answer with).
 */
public final class ReadYourWrites {
    private final ThreadLocal<State> current = new ThreadLocal<>();

    private static final class State {
        private final Optional<CommitPosition> required;
        private Optional<CommitPosition> committed = Optional.empty();

        private State(Optional<CommitPosition> required) {
            this.required = required;
        }
    }

    /** Starts a request on this thread; its reads must see {@code required} when given. */
    public void begin(Optional<CommitPosition> required) {
        current.set(new State(required.filter(p -> !p.isNone())));
    }

    /** Ends the request on this thread. */
    public void end() {
        current.remove();
    }

    /** The position of the last write this thread's request committed; empty when it wrote nothing. */
    public Optional<CommitPosition> committed() {
        State state = current.get();
        return state == null ? Optional.empty() : state.committed;
    }

    Optional<CommitPosition> required() {
        State state = current.get();
        return state == null ? Optional.empty() : state.required;
    }

    void recordCommit(CommitPosition position) {
        State state = current.get();
        if (state != null) {
            state.committed = Optional.of(position);
        }
    }
}

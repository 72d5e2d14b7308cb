package dev.dbref.bootstrap;

import dev.dbref.persistence.CommitPosition;
import dev.dbref.persistence.ReadYourWrites;
import dev.dbref.web.Consistency;

import java.util.Optional;

/**
 * Bridges the web adapter's {@code Consistency-Token} to the persistence adapter's
 * {@link ReadYourWrites}, so that neither adapter knows the other.
 */
final class RequestConsistency implements Consistency {
    private final ReadYourWrites readYourWrites;

    RequestConsistency(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public void begin(Optional<String> token) {
        Optional<CommitPosition> required = token.map(t -> CommitPosition.fromToken(t)
                .orElseThrow(() -> new IllegalArgumentException("not a consistency token of this service")));
        readYourWrites.begin(required);
    }

    @Override
    public String tokenOfLastWrite() {
        return readYourWrites.committed().orElse(CommitPosition.NONE).token();
    }

    @Override
    public void end() {
        readYourWrites.end();
    }
}

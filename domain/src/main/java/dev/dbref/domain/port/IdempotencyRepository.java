package dev.dbref.domain.port;

import dev.dbref.domain.model.IdempotencyKey;
import dev.dbref.domain.model.IdempotencyRecord;
import dev.dbref.domain.model.RecordedResponse;

import java.time.Instant;
import java.util.Optional;

/** The claims of {@code Idempotency-Key}s and the answers they got; one row per key and scope. */
public interface IdempotencyRepository {

    /** Claims {@code key} for a request with {@code fingerprint}; false when it is held already. */
    boolean claim(IdempotencyKey key, String fingerprint, Instant now);

    Optional<IdempotencyRecord> find(IdempotencyKey key);

    /**
     * Takes over the record of {@code key} when it was claimed before {@code claimedBefore} (it
     * expired, or its request died without an answer): it then holds this request's claim.
     *
     * @return false when another request took it over first
     */
    boolean reclaim(IdempotencyKey key, String fingerprint, Instant claimedBefore, Instant now);

    /** Stores the answer, in the transaction of the write it answers. */
    void complete(IdempotencyKey key, RecordedResponse response);

    /** Drops the claim of a request that failed, unless it has an answer (its write committed after all). */
    void release(IdempotencyKey key);

    /** Deletes at most {@code limit} records claimed before {@code claimedBefore}; returns how many. */
    int purge(Instant claimedBefore, int limit);
}

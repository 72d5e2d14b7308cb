package dev.dbref.domain.usecase;

import dev.dbref.domain.model.IdempotencyKey;
import dev.dbref.domain.model.IdempotencyRecord;
import dev.dbref.domain.model.RecordedResponse;
import dev.dbref.domain.port.IdempotencyRepository;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotency records in memory, for the in-memory units of work: each transaction works on a
 * copy, which replaces the committed records only when the work returns.
 */
final class InMemoryIdempotencyKeys {
    private Map<IdempotencyKey, IdempotencyRecord> committed = new HashMap<>();

    final class Tx implements IdempotencyRepository {
        private final Map<IdempotencyKey, IdempotencyRecord> rows = new HashMap<>(committed);

        @Override
        public boolean claim(IdempotencyKey key, String fingerprint, Instant now) {
            return rows.putIfAbsent(key, new IdempotencyRecord(fingerprint, now, Optional.empty())) == null;
        }

        @Override
        public Optional<IdempotencyRecord> find(IdempotencyKey key) {
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public boolean reclaim(IdempotencyKey key, String fingerprint, Instant claimedBefore, Instant now) {
            IdempotencyRecord old = rows.get(key);
            if (old == null || !old.claimedAt().isBefore(claimedBefore)) {
                return false;
            }
            rows.put(key, new IdempotencyRecord(fingerprint, now, Optional.empty()));
            return true;
        }

        @Override
        public void complete(IdempotencyKey key, RecordedResponse response) {
            IdempotencyRecord old = rows.get(key);
            rows.put(key, new IdempotencyRecord(old.fingerprint(), old.claimedAt(), Optional.of(response)));
        }

        @Override
        public void release(IdempotencyKey key) {
            rows.computeIfPresent(key, (k, r) -> r.response().isPresent() ? r : null);
        }

        @Override
        public int purge(Instant claimedBefore, int limit) {
            var old = rows.entrySet().stream().filter(e -> e.getValue().claimedAt().isBefore(claimedBefore))
                    .limit(limit).map(Map.Entry::getKey).toList();
            old.forEach(rows::remove);
            return old.size();
        }
    }

    Tx begin() {
        return new Tx();
    }

    void commit(Tx tx) {
        committed = tx.rows;
    }

    int size() {
        return committed.size();
    }

    /** Claims {@code key} as a request that is still running (or died) would have left it. */
    void leaveClaim(IdempotencyKey key, String fingerprint, Instant at) {
        Tx tx = begin();
        tx.claim(key, fingerprint, at);
        commit(tx);
    }
}

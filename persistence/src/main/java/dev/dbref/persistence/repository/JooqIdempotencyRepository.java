package dev.dbref.persistence.repository;

import dev.dbref.db.jooq.tables.records.IdempotencyKeysRecord;
import dev.dbref.domain.model.IdempotencyKey;
import dev.dbref.domain.model.IdempotencyRecord;
import dev.dbref.domain.model.RecordedResponse;
import dev.dbref.domain.port.IdempotencyRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.dbref.db.jooq.Tables.IDEMPOTENCY_KEYS;

/** {@link IdempotencyRepository} in type-safe jOOQ, on the connection of one unit of work. */
final class JooqIdempotencyRepository implements IdempotencyRepository {
    private final DSLContext tx;

    JooqIdempotencyRepository(DSLContext tx) {
        this.tx = tx;
    }

    @Override
    public boolean claim(IdempotencyKey key, String fingerprint, Instant now) {
        // ON CONFLICT DO NOTHING on both databases: a concurrent claim of the same key waits for
        // the first one's commit and then inserts nothing.
        return tx.insertInto(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.SCOPE, key.scope())
                .set(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY, key.value())
                .set(IDEMPOTENCY_KEYS.FINGERPRINT, fingerprint)
                .set(IDEMPOTENCY_KEYS.CLAIMED_AT, now)
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Override
    public Optional<IdempotencyRecord> find(IdempotencyKey key) {
        return tx.selectFrom(IDEMPOTENCY_KEYS).where(is(key)).fetchOptional().map(JooqIdempotencyRepository::toRecord);
    }

    @Override
    public boolean reclaim(IdempotencyKey key, String fingerprint, Instant claimedBefore, Instant now) {
        return tx.update(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.FINGERPRINT, fingerprint)
                .set(IDEMPOTENCY_KEYS.CLAIMED_AT, now)
                .setNull(IDEMPOTENCY_KEYS.RESPONSE_STATUS)
                .setNull(IDEMPOTENCY_KEYS.RESPONSE_BODY)
                .setNull(IDEMPOTENCY_KEYS.RESPONSE_HEADERS)
                .where(is(key).and(IDEMPOTENCY_KEYS.CLAIMED_AT.lt(claimedBefore)))
                .execute() == 1;
    }

    @Override
    public void complete(IdempotencyKey key, RecordedResponse response) {
        int stored = tx.update(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.RESPONSE_STATUS, response.status())
                .set(IDEMPOTENCY_KEYS.RESPONSE_BODY, response.body())
                .set(IDEMPOTENCY_KEYS.RESPONSE_HEADERS, headerLines(response.headers()))
                .where(is(key))
                .execute();
        if (stored != 1) {
            // Someone took the claim over (it was thought abandoned): roll this write back rather than write twice.
            throw new IllegalStateException("the claim of an Idempotency-Key was lost while its request ran");
        }
    }

    @Override
    public void release(IdempotencyKey key) {
        tx.deleteFrom(IDEMPOTENCY_KEYS).where(is(key).and(IDEMPOTENCY_KEYS.RESPONSE_STATUS.isNull())).execute();
    }

    @Override
    public int purge(Instant claimedBefore, int limit) {
        // Row-value IN over a limited sub-select: a bounded batch on both databases.
        return tx.deleteFrom(IDEMPOTENCY_KEYS)
                .where(DSL.row(IDEMPOTENCY_KEYS.SCOPE, IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY).in(
                        DSL.select(IDEMPOTENCY_KEYS.SCOPE, IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY)
                                .from(IDEMPOTENCY_KEYS)
                                .where(IDEMPOTENCY_KEYS.CLAIMED_AT.lt(claimedBefore))
                                .limit(limit)))
                .execute();
    }

    private static Condition is(IdempotencyKey key) {
        return IDEMPOTENCY_KEYS.SCOPE.eq(key.scope()).and(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq(key.value()));
    }

    private static IdempotencyRecord toRecord(IdempotencyKeysRecord r) {
        Optional<RecordedResponse> response = Optional.ofNullable(r.getResponseStatus())
                .map(status -> new RecordedResponse(status, r.getResponseBody(), headers(r.getResponseHeaders())));
        return new IdempotencyRecord(r.getFingerprint(), r.getClaimedAt(), response);
    }

    /** Header values never hold a line break, so one header a line is safe. */
    private static String headerLines(Map<String, String> headers) {
        return headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }

    private static Map<String, String> headers(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (lines != null && !lines.isEmpty()) {
            for (String line : lines.split("\n")) {
                int colon = line.indexOf(": ");
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
    }
}

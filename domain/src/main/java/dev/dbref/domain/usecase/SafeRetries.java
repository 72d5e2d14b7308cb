package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.ConflictException;
import dev.dbref.domain.model.IdempotencyKeyReusedException;
import dev.dbref.domain.model.IdempotencyRecord;
import dev.dbref.domain.model.RecordedResponse;
import dev.dbref.domain.port.IdempotencyRepository;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a write at most once per {@code Idempotency-Key}, so that a client that got a 503 or a
 * time-out may send it again without knowing whether it committed.
 *
 * <ol>
 *   <li>The key is claimed first, in a short transaction of its own: a concurrent repeat finds
 *       it held and gets a conflict instead of writing twice.</li>
 *   <li>The write and its answer are stored in one transaction: either both commit or neither,
 *       so a repeat finds the answer exactly when the write happened.</li>
 *   <li>A write that fails drops its claim, unless its answer is there (it committed after all),
 *       so the client may retry. A claim whose request died with its instance is taken over once
 *       it is older than {@link Settings#abandonAfter()}.</li>
 * </ol>
 */
public final class SafeRetries {
    /** How many expired records one purge deletes, in one short transaction. */
    static final int PURGE_BATCH = 1000;

    /**
     * @param abandonAfter a claim without an answer older than this belongs to a request that died
     *                     (no request runs longer: the statement timeout plus the pool timeout)
     * @param keepFor      how long keys and answers are kept ({@code IDEMPOTENCY_TTL})
     */
    public record Settings(Duration abandonAfter, Duration keepFor) {
        public Settings {
            Objects.requireNonNull(abandonAfter);
            Objects.requireNonNull(keepFor);
        }
    }

    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Settings settings;

    public SafeRetries(UnitOfWork unitOfWork, Clock clock, Settings settings) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.settings = settings;
    }

    /** The same, with every transaction bound to {@code caller} ({@link UnitOfWork#actingFor}). */
    public SafeRetries actingFor(Caller caller) {
        return new SafeRetries(unitOfWork.actingFor(caller), clock, settings);
    }

    /**
     * @throws ConflictException              while the first request with this key still runs (409)
     * @throws IdempotencyKeyReusedException  when the key was first used for another request (422)
     */
    public <T> Answered once(OnceOnly<T> request, UnitOfWork.Work<T> write) {
        Optional<RecordedResponse> earlier = unitOfWork.write(repos -> claim(repos.idempotency(), request));
        if (earlier.isPresent()) {
            return new Answered.Replayed(earlier.get());
        }
        try {
            return new Answered.First(unitOfWork.write(repos -> {
                RecordedResponse answer = request.answer().apply(write.run(repos));
                repos.idempotency().complete(request.key(), answer);
                return answer;
            }));
        } catch (RuntimeException failure) {
            try {
                unitOfWork.write(repos -> {
                    repos.idempotency().release(request.key());
                    return null;
                });
            } catch (RuntimeException releaseFailed) {
                // The store is down: the claim is taken over once abandoned.
                failure.addSuppressed(releaseFailed);
            }
            throw failure;
        }
    }

    /** @return the earlier answer to replay; empty: this request holds the claim now */
    private Optional<RecordedResponse> claim(IdempotencyRepository keys, OnceOnly<?> request) {
        Instant now = Now.of(clock);
        if (keys.claim(request.key(), request.fingerprint(), now)) {
            return Optional.empty();
        }
        Optional<IdempotencyRecord> found = keys.find(request.key());
        if (found.isEmpty()) {
            // Purged between the refused claim and this look.
            return claimedNow(keys.claim(request.key(), request.fingerprint(), now));
        }
        IdempotencyRecord record = found.get();
        Instant expired = now.minus(settings.keepFor());
        if (record.claimedAt().isBefore(expired)) {
            // Expired, not purged yet: the key is free again.
            return claimedNow(keys.reclaim(request.key(), request.fingerprint(), expired, now));
        }
        if (!record.fingerprint().equals(request.fingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        if (record.response().isPresent()) {
            return record.response();
        }
        // No answer yet: its request still runs, or it died with its instance and the claim is abandoned.
        return claimedNow(keys.reclaim(request.key(), request.fingerprint(), now.minus(settings.abandonAfter()), now));
    }

    /** This request holds the claim now; or another one does, and it still runs. */
    private static Optional<RecordedResponse> claimedNow(boolean claimed) {
        if (!claimed) {
            throw stillRunning();
        }
        return Optional.empty();
    }

    private static ConflictException stillRunning() {
        return new ConflictException("a request with this Idempotency-Key is still running; retry once it has finished");
    }

    /**
     * Deletes the records older than {@code IDEMPOTENCY_TTL}, in short batches so that no request
     * waits long behind it; returns how many went.
     */
    public int purgeExpired() {
        Instant before = Now.of(clock).minus(settings.keepFor());
        int total = 0;
        int deleted;
        do {
            deleted = unitOfWork.write(repos -> repos.idempotency().purge(before, PURGE_BATCH));
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }
}

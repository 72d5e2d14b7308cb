package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.ConflictException;
import dev.dbref.domain.model.IdempotencyKey;
import dev.dbref.domain.model.IdempotencyKeyReusedException;
import dev.dbref.domain.model.InvalidQueryException;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.RecordedResponse;
import dev.dbref.domain.model.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules of {@code Idempotency-Key}, over the in-memory unit of work: at most one write per key. */
class SafeRetriesTest {
    static final SafeRetries.Settings SETTINGS = new SafeRetries.Settings(Duration.ofSeconds(10), Duration.ofHours(24));

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    private final InMemoryProducts store = new InMemoryProducts();
    private final TestClock clock = new TestClock();
    private final SafeRetries retries = new SafeRetries(store, clock, SETTINGS);
    private final CreateProduct create = new CreateProduct(store, clock, retries);
    private final IdempotencyKey key = new IdempotencyKey(IdempotencyKey.SHARED, "order-42");

    private static ProductDraft draft(String name) {
        return new ProductDraft(name, null, new BigDecimal("1.50"), 1);
    }

    private OnceOnly<Product> once(String fingerprint) {
        return new OnceOnly<>(key, fingerprint, p -> new RecordedResponse(201, "{\"id\":" + p.id() + "}",
                Map.of("Location", "/products/" + p.id())));
    }

    @Test
    void a_repeat_gets_the_first_answer_and_writes_nothing() {
        Answered first = create.create(Caller.ANYONE, draft("a"), once("fp-a"));
        Answered again = create.create(Caller.ANYONE, draft("a"), once("fp-a"));

        assertInstanceOf(Answered.First.class, first);
        assertInstanceOf(Answered.Replayed.class, again);
        assertEquals(first.response(), again.response());
        assertEquals(1, store.size());
    }

    @Test
    void the_same_key_with_another_request_is_refused_and_writes_nothing() {
        create.create(Caller.ANYONE, draft("a"), once("fp-a"));

        assertThrows(IdempotencyKeyReusedException.class, () -> create.create(Caller.ANYONE, draft("b"), once("fp-b")));
        assertEquals(1, store.size());
    }

    @Test
    void keys_of_other_callers_are_other_keys() {
        create.create(Caller.ANYONE, draft("a"), once("fp-a"));
        OnceOnly<Product> theirs = new OnceOnly<>(new IdempotencyKey("someone-else", "order-42"), "fp-a",
                p -> new RecordedResponse(201, "{}", Map.of()));

        assertInstanceOf(Answered.First.class, create.create(Caller.ANYONE, draft("a"), theirs));
        assertEquals(2, store.size());
    }

    @Test
    void a_repeat_while_the_first_still_runs_is_a_conflict_until_the_claim_is_abandoned() {
        store.keys.leaveClaim(key, "fp-a", clock.instant());

        assertThrows(ConflictException.class, () -> create.create(Caller.ANYONE, draft("a"), once("fp-a")));
        assertEquals(0, store.size());

        clock.advance(SETTINGS.abandonAfter().plusMillis(1));
        assertInstanceOf(Answered.First.class, create.create(Caller.ANYONE, draft("a"), once("fp-a")));
        assertEquals(1, store.size());
    }

    @Test
    void a_failed_write_stores_nothing_and_frees_the_key_for_a_retry() {
        ProductUseCases products = ProductUseCases.over(store, clock, retries);
        OnceOnly<java.util.List<Long>> bulk = new OnceOnly<>(key, "fp-bulk", ids -> new RecordedResponse(201, "{}", Map.of()));

        assertThrows(ValidationException.class, () -> products.createProducts().createAll(Caller.ANYONE, java.util.List.of(), bulk));
        assertThrows(RuntimeException.class, () -> retries.once(bulk, repos -> {
            throw new IllegalStateException("the database refused it");
        }));
        assertEquals(0, store.keys.size(), "the failed request's claim was released");

        assertInstanceOf(Answered.First.class, products.createProducts().createAll(Caller.ANYONE, java.util.List.of(draft("a")), bulk));
    }

    @Test
    void keys_expire_after_the_ttl_and_are_purged() {
        create.create(Caller.ANYONE, draft("a"), once("fp-a"));
        clock.advance(SETTINGS.keepFor().plusSeconds(1));

        assertInstanceOf(Answered.First.class, create.create(Caller.ANYONE, draft("b"), once("fp-b")), "an expired key is free again");
        assertEquals(2, store.size());
        clock.advance(SETTINGS.keepFor().plusSeconds(1));
        assertEquals(1, retries.purgeExpired());
        assertEquals(0, store.keys.size());
    }

    @Test
    void a_key_must_be_1_to_255_printable_ascii_characters() {
        for (String bad : new String[] {"", " ", "x".repeat(256), "tab\there", "grüße"}) {
            assertThrows(InvalidQueryException.class, () -> new IdempotencyKey(IdempotencyKey.SHARED, bad), bad);
        }
        assertEquals(255, new IdempotencyKey(IdempotencyKey.SHARED, "k".repeat(255)).value().length());
    }
}

package dev.dbref.domain.usecase;

import dev.dbref.domain.model.IdempotencyKey;
import dev.dbref.domain.model.RecordedResponse;

import java.util.function.Function;

/**
 * A write its client may repeat safely: it runs once per key, and every repeat gets the first answer.
 *
 * @param key         the client's {@code Idempotency-Key}, in its caller's scope
 * @param fingerprint what the request is (method, path and body as a JSON value), hashed by the adapter
 * @param answer      how the adapter answers the write's result; run inside the write's transaction,
 *                    so it must do nothing but render
 * @param <T>         what the write returns
 */
public record OnceOnly<T>(IdempotencyKey key, String fingerprint, Function<T, RecordedResponse> answer) {
}

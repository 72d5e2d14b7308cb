package dev.dbref.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store holds for one {@link IdempotencyKey}.
 *
 * @param fingerprint what the first request was (method, path, body as a JSON value), hashed
 * @param claimedAt   when it was claimed
 * @param response    its answer, once its write committed; empty while it runs (or after it died)
 */
public record IdempotencyRecord(String fingerprint, Instant claimedAt, Optional<RecordedResponse> response) {
}

package dev.dbref.domain.model;

import java.util.Map;

/**
 * The answer the first request with an {@code Idempotency-Key} got, kept so that a repeat gets
 * it again. The domain stores it as given and never reads inside it.
 *
 * @param status  its status (only successes are kept)
 * @param body    its body, as sent
 * @param headers the headers that belong to the answer itself ({@code Location}, {@code ETag})
 */
public record RecordedResponse(int status, String body, Map<String, String> headers) {
    public RecordedResponse {
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("only successful answers are kept, not " + status);
        }
        headers = Map.copyOf(headers);
    }
}

package dev.dbref.web.problem;

import dev.dbref.web.http.RequestBodies;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Failures Helidon detects before routing (a body over the size limit, an unparsable request
 * line or header) answered as problem+json like every other error.
 */
public final class ProblemDirectHandler implements DirectHandler {
    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        String detail = switch (defaultStatus.code()) {
            case 413 -> "the request body exceeds " + RequestBodies.MAX_BYTES + " bytes";
            // Helidon's max-concurrent-requests: the request was never routed.
            case 503 -> "the server is serving as many requests as it may at once; try again shortly";
            default -> "the request could not be parsed";
        };
        byte[] body = Problem.of(defaultStatus, detail, request.path().isEmpty() ? null : request.path()).toJson();
        TransportResponse.Builder response = TransportResponse.builder()
                .status(defaultStatus)
                .headers(responseHeaders)
                .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE.text())
                .entity(body)
                .keepAlive(false);
        if (defaultStatus.code() == 503) {
            response.header(HeaderNames.RETRY_AFTER, "1");
        }
        return response.build();
    }
}

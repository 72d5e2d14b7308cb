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
        String detail = defaultStatus.code() == 413
                ? "the request body exceeds " + RequestBodies.MAX_BYTES + " bytes"
                : "the request could not be parsed";
        byte[] body = Problem.of(defaultStatus, detail, request.path().isEmpty() ? null : request.path()).toJson();
        return TransportResponse.builder()
                .status(defaultStatus)
                .headers(responseHeaders)
                .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE.text())
                .entity(body)
                .keepAlive(false)
                .build();
    }
}

package dev.dbref.web.problem;

import dev.dbref.web.http.Json;
import dev.dbref.web.http.Responses;
import dev.dbref.web.request.RequestContext;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.FieldError;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document; the only shape an error response of this API takes. */
public record Problem(Status status, String detail, String instance, List<FieldError> errors) {
    static final HttpMediaType MEDIA_TYPE = HttpMediaType.create("application/problem+json");

    /** RFC 9110 reason phrases (Helidon's tables still say "Unprocessable Entity" for 422). */
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Content"), Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    public static Problem of(Status status, String detail, String instance) {
        return new Problem(status, detail, instance, status.code() == 422 ? List.of() : null);
    }

    static String title(Status status) {
        return TITLES.getOrDefault(status.code(), status.reasonPhrase());
    }

    byte[] toJson() {
        ObjectNode body = Json.object()
                .put("type", "about:blank")
                .put("title", title(status))
                .put("status", status.code());
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        String requestId = RequestContext.currentRequestId();
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        if (errors != null) {
            ArrayNode list = body.putArray("errors");
            errors.forEach(e -> list.addObject().put("field", e.field()).put("message", e.message()));
        }
        return Json.bytes(body);
    }

    public void send(ServerResponse res) {
        res.status(status);
        res.headers().contentType(MEDIA_TYPE);
        if (status.code() == 503) {
            res.header(HeaderNames.RETRY_AFTER, "1");
        }
        Responses.send(res, toJson());
    }
}

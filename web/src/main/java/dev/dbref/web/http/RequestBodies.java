package dev.dbref.web.http;

import dev.dbref.web.request.RequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads a request body as JSON: 415 for another media type, 413 past {@link #MAX_BYTES}, 400
 * for an empty body or malformed JSON. The whole body is read before any database work starts.
 */
public final class RequestBodies {
    public static final int MAX_BYTES = 1024 * 1024;

    private RequestBodies() {
    }

    public static ObjectNode object(ServerRequest req) {
        JsonNode node = read(req);
        if (!(node instanceof ObjectNode object)) {
            throw HttpProblem.badRequest("the request body must be a JSON object");
        }
        return object;
    }

    public static ArrayNode array(ServerRequest req) {
        JsonNode node = read(req);
        if (!(node instanceof ArrayNode array)) {
            throw HttpProblem.badRequest("the request body must be a JSON array");
        }
        return array;
    }

    private static JsonNode read(ServerRequest req) {
        requireJsonMediaType(req);
        byte[] bytes = readLimited(req);
        if (bytes.length == 0 || isBlank(bytes)) {
            throw HttpProblem.badRequest("the request body is empty; a JSON document is required");
        }
        try {
            return Json.parse(bytes);
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage().startsWith("Duplicate field")) {
                throw HttpProblem.badRequest("the request body gives a property more than once");
            }
            throw HttpProblem.badRequest("the request body is not well-formed JSON");
        } catch (IOException e) {
            throw HttpProblem.badRequest("the request body is not well-formed JSON");
        }
    }

    /** No Content-Type is read as JSON; any other declared type than JSON is refused. */
    private static void requireJsonMediaType(ServerRequest req) {
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isPresent() && !isJson(type.get())) {
            throw new HttpProblem(Status.UNSUPPORTED_MEDIA_TYPE_415,
                    "the request body must be application/json, not " + type.get().mediaType().text());
        }
    }

    private static boolean isJson(HttpMediaType type) {
        String subtype = type.mediaType().subtype().toLowerCase(java.util.Locale.ROOT);
        return type.mediaType().type().equalsIgnoreCase("application")
                && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    private static byte[] readLimited(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        if (req.headers().contentLength().orElse(0) > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = req.content().inputStream()) {
            RequestContext.BodyReading reading = RequestContext.served().orElseThrow().bodies();
            byte[] bytes = reading.deadline().readNBytes(in, MAX_BYTES + 1, reading.timeout());
            if (bytes.length > MAX_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(Status.REQUEST_ENTITY_TOO_LARGE_413,
                "the request body exceeds " + MAX_BYTES + " bytes");
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

}

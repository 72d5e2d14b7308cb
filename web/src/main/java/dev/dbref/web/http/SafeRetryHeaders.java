package dev.dbref.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.IdempotencyKey;
import dev.dbref.domain.model.RecordedResponse;
import dev.dbref.domain.usecase.Answered;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on the creating {@code POST}s: reads the key, says what the request is
 * (its fingerprint), and sends the first answer, again with {@code Idempotent-Replayed: true}.
 */
public final class SafeRetryHeaders {
    static final HeaderName KEY = HeaderNames.create("Idempotency-Key");
    static final HeaderName REPLAYED = HeaderNames.create("Idempotent-Replayed");

    private SafeRetryHeaders() {
    }

    /**
     * The request's key, in its caller's scope (one that every caller shares while authentication is off).
     *
     * @throws dev.dbref.domain.model.InvalidQueryException when it is empty, too long or not printable ASCII (400)
     */
    public static Optional<IdempotencyKey> key(ServerRequest req, Caller caller) {
        return req.headers().first(KEY).map(value -> IdempotencyKey.of(caller, value));
    }

    /**
     * What the request is: its method, its path and its body as a JSON value (key order and
     * white space do not count), hashed with SHA-256.
     */
    public static String fingerprint(ServerRequest req, JsonNode body) {
        StringBuilder text = new StringBuilder(req.prologue().method().text()).append(' ')
                .append(req.path().absolute().path()).append('\n');
        canonical(body, text);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Objects with their properties in name order; every other value as Jackson writes it. */
    private static void canonical(JsonNode node, StringBuilder out) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "" : ",").append(Json.NODES.textNode(names.get(i)).toString()).append(':');
                canonical(object.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                canonical(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node);
        }
    }

    /** The answer as it is kept, and sent: status, JSON body, and the headers that belong to it. */
    public static RecordedResponse answer(Status status, JsonNode body, Map<String, String> headers) {
        return new RecordedResponse(status.code(), new String(Json.bytes(body), StandardCharsets.UTF_8), headers);
    }

    /** Sends the answer, the first time and on every repeat alike. */
    public static void send(ServerResponse res, Answered answered) {
        RecordedResponse response = answered.response();
        response.headers().forEach(res::header);
        if (answered instanceof Answered.Replayed) {
            res.header(REPLAYED, "true");
        }
        res.status(Status.create(response.status()));
        res.headers().contentType(Responses.JSON);
        Responses.send(res, response.body().getBytes(StandardCharsets.UTF_8));
    }
}

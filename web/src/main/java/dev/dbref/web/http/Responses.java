package dev.dbref.web.http;

import dev.dbref.web.request.ConsistencyHeader;
import dev.dbref.web.request.ServerTiming;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Every response of the API leaves through here, so that each carries the same headers. */
public final class Responses {
    static final HttpMediaType JSON = HttpMediaType.create("application/json");

    private Responses() {
    }

    public static void json(ServerResponse res, Status status, JsonNode body) {
        res.status(status);
        res.headers().contentType(JSON);
        send(res, Json.bytes(body));
    }

    public static void noContent(ServerResponse res) {
        res.status(Status.NO_CONTENT_204);
        ServerTiming.addHeader(res);
        ConsistencyHeader.addTo(res);
        res.send();
    }

    public static void send(ServerResponse res, byte[] body) {
        ServerTiming.addHeader(res);
        ConsistencyHeader.addTo(res);
        res.send(body);
    }

    public static void etag(ServerResponse res, long version) {
        res.header(HeaderNames.ETAG, etagOf(version));
    }

    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }
}

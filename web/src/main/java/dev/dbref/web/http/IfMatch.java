package dev.dbref.web.http;

import dev.dbref.domain.model.ExpectedVersion;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The version a client claims with {@code If-Match: "<version>"}. Absent or {@code *} means
 * any version. A tag that is not one of our versions can never match, so the change answers 412,
 * as RFC 9110 asks.
 */
public final class IfMatch {
    private IfMatch() {
    }

    public static ExpectedVersion expectedVersion(ServerRequest req) {
        if (!req.headers().contains(HeaderNames.IF_MATCH)) {
            return ExpectedVersion.any();
        }
        String value = req.headers().get(HeaderNames.IF_MATCH).get().strip();
        if (value.equals("*")) {
            return ExpectedVersion.any();
        }
        String tag = value.startsWith("W/") ? value.substring(2) : value;
        if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return ExpectedVersion.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
            } catch (NumberFormatException e) {
                return ExpectedVersion.unmatchable();
            }
        }
        return ExpectedVersion.unmatchable();
    }
}

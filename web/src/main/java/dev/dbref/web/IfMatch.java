package dev.dbref.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The version a client claims with {@code If-Match: "<version>"}. Absent or {@code *} means
 * "any version". A tag that is not one of our versions can never match, so it yields a version
 * no row has and the change answers 412, as RFC 9110 asks.
 */
final class IfMatch {
    private static final long NO_SUCH_VERSION = -1;

    private IfMatch() {
    }

    static Long expectedVersion(ServerRequest req) {
        if (!req.headers().contains(HeaderNames.IF_MATCH)) {
            return null;
        }
        String value = req.headers().get(HeaderNames.IF_MATCH).get().strip();
        if (value.equals("*")) {
            return null;
        }
        String tag = value.startsWith("W/") ? value.substring(2) : value;
        if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                return NO_SUCH_VERSION;
            }
        }
        return NO_SUCH_VERSION;
    }
}

package dev.dbref.web.http;

import io.helidon.webserver.http.ServerRequest;

/** Path ids are positive 64-bit integers; anything else addresses no resource (404). */
public final class PathIds {
    private PathIds() {
    }

    public static long id(ServerRequest req, String resource) {
        String raw = req.path().pathParameters().get("id");
        try {
            if (!raw.isEmpty() && raw.chars().allMatch(Character::isDigit)) {
                long id = Long.parseLong(raw);
                if (id > 0) {
                    return id;
                }
            }
        } catch (NumberFormatException tooLarge) {
            // falls through to 404
        }
        throw HttpProblem.notFound(resource + " '" + raw + "' does not exist");
    }
}

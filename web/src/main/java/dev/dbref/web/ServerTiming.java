package dev.dbref.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

import java.util.Locale;

/**
 * {@code Server-Timing: db;dur=<ms>;desc="<n> queries", app;dur=<ms>}: a browser's dev tools show
 * how many statements a request ran and how long the database took.
 */
final class ServerTiming {
    private static final HeaderName SERVER_TIMING = HeaderNames.create("Server-Timing");

    private ServerTiming() {
    }

    /** Called just before a response is sent, when the figures are final. */
    static void addHeader(ServerResponse res) {
        RequestContext context = RequestContext.current();
        if (context == null) {
            return;
        }
        StatementStats.Snapshot db = context.statements();
        String count = db.statements() == 1 ? "1 query" : db.statements() + " queries";
        res.header(SERVER_TIMING, String.format(Locale.ROOT, "db;dur=%.2f;desc=\"%s\", app;dur=%.2f",
                db.nanos() / 1e6, count, context.elapsedNanos() / 1e6));
    }
}

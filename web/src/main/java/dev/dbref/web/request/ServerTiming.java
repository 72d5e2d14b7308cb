package dev.dbref.web.request;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;


/**
 * {@code Server-Timing: db;dur=<ms>;desc="<n> queries", app;dur=<ms>}: a browser's dev tools show
 * how many statements a request ran and how long the database took.
 */
public final class ServerTiming {
    private static final HeaderName SERVER_TIMING = HeaderNames.create("Server-Timing");

    private ServerTiming() {
    }

    /** Called just before a response is sent, when the figures are final. */
    public static void addHeader(ServerResponse res) {
        Optional<RequestContext> served = RequestContext.served();
        if (served.isEmpty()) {
            return;
        }
        RequestContext context = served.get();
        int statements = context.statements();
        StringBuilder value = new StringBuilder(64).append("db;dur=");
        millis(value, context.statementNanos()).append(";desc=\"").append(statements)
                .append(statements == 1 ? " query" : " queries").append("\", app;dur=");
        res.header(SERVER_TIMING, millis(value, context.elapsedNanos()).toString());
    }

    /** Milliseconds with two decimals, without String.format, which is costly on every response. */
    static StringBuilder millis(StringBuilder out, long nanos) {
        long hundredths = Math.round(nanos / 10_000.0);
        long fraction = hundredths % 100;
        return out.append(hundredths / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
    }
}

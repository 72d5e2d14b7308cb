package dev.dbref.web.request;

import java.util.Locale;

/**
 * The one log line of a request. Logged as a parameter, so that a structured log format can
 * write each field apart; its text is the plain format's line.
 *
 * @param route the matched route template, or {@code NOT_FOUND} / {@code UNKNOWN}
 */
public record RequestLine(String method, String path, String route, int status, double durationMillis, int statements) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s %d %.1fms %d %s", method, path, status, durationMillis, statements,
                statements == 1 ? "query" : "queries");
    }
}

package dev.dbref.web.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code RATE_LIMIT}: {@code <n>/s} or {@code <n>/min} per caller, the burst equal to the limit.
 *
 * @param requests how many requests a window admits
 * @param window   one second or one minute
 */
public record RateLimit(long requests, Duration window) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(s|min)");

    public RateLimit {
        if (requests < 1) {
            throw new IllegalArgumentException("RATE_LIMIT must admit at least one request");
        }
    }

    /** @throws IllegalArgumentException when {@code text} is not {@code <n>/s} or {@code <n>/min} */
    public static RateLimit parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("RATE_LIMIT must be <n>/s or <n>/min, for example 100/s, was " + text.strip());
        }
        return new RateLimit(Long.parseLong(m.group(1)), m.group(2).equals("s") ? Duration.ofSeconds(1) : Duration.ofMinutes(1));
    }

    /** {@code RateLimit-Policy}, in the structured-field syntax of draft-ietf-httpapi-ratelimit-headers-09. */
    String policyHeader() {
        return "\"default\";q=" + requests + ";w=" + window.toSeconds();
    }
}

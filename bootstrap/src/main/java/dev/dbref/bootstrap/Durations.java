package dev.dbref.bootstrap;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses {@code 500ms}, {@code 30s}, {@code 30m}, {@code 2h}, ISO-8601 ({@code PT30S}) or plain seconds ({@code 30}). */
final class Durations {
    private Durations() {
    }

    static Duration parse(String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
            }
            if (v.endsWith("s")) {
                return seconds(v.substring(0, v.length() - 1));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            }
            if (v.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            }
            return seconds(v);
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 500ms, 30s, 30m, PT30S or "
                    + "a number of seconds, was '" + value + "'");
        }
    }

    /** Whole or fractional seconds: {@code 1.5} is 1500 ms. */
    private static Duration seconds(String number) {
        return Duration.ofNanos(new java.math.BigDecimal(number.strip()).movePointRight(9).longValueExact());
    }
}

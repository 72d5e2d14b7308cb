package dev.dbref.domain.model;

import java.text.Normalizer;
import java.util.Locale;

/** The text rules every entity shares: stored trimmed, lengths in Unicode code points. */
public final class Text {
    private Text() {
    }

    /** Strips leading and trailing Unicode white space; {@code null} stays {@code null}. */
    public static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    /** Length in code points, so that an emoji or a CJK character counts as one. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * Whether a text can be stored as given on every database: no NUL (PostgreSQL's text cannot
     * hold it) and no unpaired surrogate (not Unicode; drivers silently store {@code ?} instead).
     */
    public static boolean isStorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    /** Adds a violation for a text that {@link #isStorable is not storable}; {@code null} passes. */
    static void checkStorable(String value, String field, Violations violations) {
        if (value != null && !isStorable(value)) {
            violations.add(field, "must not contain NUL characters or unpaired UTF-16 surrogates");
        }
    }

    /**
     * The search key of a text: NFC-normalised and case-folded for every alphabet
     * ({@code ÄPFEL} and {@code äpfel} share one key, so do {@code STRASSE} and {@code straße}).
     * Keys are computed here, in Java, and stored beside the text, because SQLite's
     * {@code LOWER} and {@code LIKE} fold ASCII only; both databases then compare the same keys.
     */
    public static String searchKey(String value) {
        String normalized = Normalizer.normalize(value, Normalizer.Form.NFC);
        // Upper then lower approximates Unicode full case folding (ß -> SS -> ss, ς -> Σ -> σ).
        return normalized.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}

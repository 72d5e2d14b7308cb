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

package dev.dbref.persistence.repository;

import dev.dbref.domain.model.Text;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * Case-insensitive "contains" over a stored search key ({@link Text#searchKey}), identical on
 * both databases. The user's text becomes a bind value with {@code %}, {@code _} and the escape
 * character itself escaped, so it matches literally.
 */
final class SearchPatterns {
    private static final char ESCAPE = '!';

    private SearchPatterns() {
    }

    static Condition contains(Field<String> searchKey, String text) {
        return searchKey.like(containsPattern(text), ESCAPE);
    }

    static String containsPattern(String text) {
        String key = Text.searchKey(text);
        StringBuilder pattern = new StringBuilder(key.length() + 8).append('%');
        for (char c : key.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}

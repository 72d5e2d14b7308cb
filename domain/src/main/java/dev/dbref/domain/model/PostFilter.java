package dev.dbref.domain.model;

/**
 * Which posts a list returns; {@code null} criteria are not applied.
 *
 * @param titleContains case-insensitive substring for every alphabet, {@code %} and {@code _} literal
 */
public record PostFilter(Long userId, String titleContains) {
    public static final PostFilter NONE = new PostFilter(null, null);
}

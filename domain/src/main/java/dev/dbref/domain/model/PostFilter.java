package dev.dbref.domain.model;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which posts a list returns; absent criteria are not applied.
 *
 * @param titleContains case-insensitive substring for every alphabet, {@code %} and {@code _} literal
 */
public record PostFilter(OptionalLong userId, Optional<String> titleContains) {
    public static final PostFilter NONE = new PostFilter(OptionalLong.empty(), Optional.empty());

    public PostFilter ofUser(long id) {
        return new PostFilter(OptionalLong.of(id), titleContains);
    }

    public PostFilter titleContaining(String text) {
        return new PostFilter(userId, Optional.of(text));
    }
}

package dev.dbref.domain.model;

/**
 * A post as a read returns it, with its author when asked for.
 *
 * @param user {@code null} when not requested
 */
public record PostView(Post post, User user) {
}

package dev.dbref.domain.model;

import java.util.Optional;

/**
 * A post as a read returns it, with its author when asked for.
 *
 * @param user empty when not asked for
 */
public record PostView(Post post, Optional<User> user) {
}

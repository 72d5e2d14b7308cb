package dev.dbref.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * A user as a read returns it, with its posts when they were asked for.
 *
 * @param posts ordered by id; empty when not asked for (as opposed to an empty list)
 */
public record UserView(User user, Optional<List<Post>> posts) {
    public UserView {
        posts = posts.map(List::copyOf);
    }
}

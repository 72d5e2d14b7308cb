package dev.dbref.domain.model;

import java.util.List;

/**
 * A user as a read returns it, with its posts when they were asked for.
 *
 * @param posts ordered by id; {@code null} when not requested (as opposed to empty)
 */
public record UserView(User user, List<Post> posts) {
    public UserView {
        posts = posts == null ? null : List.copyOf(posts);
    }
}

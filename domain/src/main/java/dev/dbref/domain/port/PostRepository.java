package dev.dbref.domain.port;

import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.Owner;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostDraft;
import dev.dbref.domain.model.PostFilter;
import dev.dbref.domain.model.PostPatch;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The posts port, bound to one unit of work. */
public interface PostRepository {

    /** Whom the post belongs to: its user's owner. Empty when there is no such post. */
    Optional<Owner> ownerOf(long id);

    Optional<Post> findById(long id);

    Post insert(long userId, PostDraft draft, Instant now);

    Optional<Post> update(long id, PostPatch patch, Instant now);

    boolean delete(long id);

    /** The page's posts ordered by id, from its position: {@link PageRequest#rowsToFetch()} at most. */
    List<Post> find(PostFilter filter, PageRequest page);

    long count(PostFilter filter);

    /** Every post of these users, in one statement, ordered by id: how lists embed posts without N+1. */
    List<Post> findAllByUserIds(Collection<Long> userIds);
}

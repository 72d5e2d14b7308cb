package dev.dbref.domain.usecase;

import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostInclude;
import dev.dbref.domain.model.PostView;
import dev.dbref.domain.port.Repositories;
import dev.dbref.domain.port.UnitOfWork;

import java.util.Optional;
import java.util.Set;

/** Reads one post, with its author if asked. */
public final class GetPost {
    private final UnitOfWork unitOfWork;

    public GetPost(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public PostView get(long id, Set<PostInclude> include) {
        if (!include.contains(PostInclude.USER)) {
            return unitOfWork.readOne(repos -> new PostView(post(repos, id), Optional.empty()));
        }
        // Two statements in one snapshot: the author is the post's as read.
        return unitOfWork.read(repos -> {
            Post post = post(repos, id);
            return new PostView(post, repos.users().findById(post.userId()));
        });
    }

    private static Post post(Repositories repos, long id) {
        return repos.posts().findById(id).orElseThrow(() -> new NotFoundException("post", id));
    }
}

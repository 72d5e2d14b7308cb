package dev.dbref.domain.usecase;

import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostInclude;
import dev.dbref.domain.model.PostView;
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
        return unitOfWork.read(repos -> {
            Post post = repos.posts().findById(id).orElseThrow(() -> new NotFoundException("post", id));
            return new PostView(post, include.contains(PostInclude.USER)
                    ? repos.users().findById(post.userId())
                    : Optional.empty());
        });
    }
}

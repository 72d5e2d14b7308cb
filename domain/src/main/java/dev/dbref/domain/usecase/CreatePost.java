package dev.dbref.domain.usecase;

import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostDraft;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Adds a post to a user. */
public final class CreatePost {
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public CreatePost(UnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** @throws NotFoundException when the user does not exist */
    public Post create(long userId, PostDraft draft) {
        return unitOfWork.write(repos -> {
            if (!repos.users().exists(userId)) {
                throw new NotFoundException("user", userId);
            }
            return repos.posts().insert(userId, draft, Now.of(clock));
        });
    }
}

package dev.dbref.domain.usecase;

import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.NewPost;
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
    public Post create(NewPost command) {
        return unitOfWork.write(repos -> {
            if (!repos.users().exists(command.userId())) {
                throw new NotFoundException("user", command.userId());
            }
            return repos.posts().insert(command.userId(), command.draft(), Now.of(clock));
        });
    }
}

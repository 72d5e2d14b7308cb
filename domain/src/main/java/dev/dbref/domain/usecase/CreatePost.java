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
    private final SafeRetries retries;

    public CreatePost(UnitOfWork unitOfWork, Clock clock, SafeRetries retries) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.retries = retries;
    }

    /** @throws NotFoundException when the user does not exist */
    public Post create(NewPost command) {
        return unitOfWork.write(inserting(command));
    }

    /** The same, at most once per key: a repeat gets the first answer. */
    public Answered create(NewPost command, OnceOnly<Post> once) {
        return retries.once(once, inserting(command));
    }

    private UnitOfWork.Work<Post> inserting(NewPost command) {
        return repos -> {
            if (!repos.users().exists(command.userId())) {
                throw new NotFoundException("user", command.userId());
            }
            return repos.posts().insert(command.userId(), command.draft(), Now.of(clock));
        };
    }
}

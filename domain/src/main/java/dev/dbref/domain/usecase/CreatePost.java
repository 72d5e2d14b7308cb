package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Caller;
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
    public Post create(Caller caller, NewPost command) {
        return unitOfWork.actingFor(caller).write(inserting(caller, command));
    }

    /** The same, at most once per key: a repeat gets the first answer. */
    public Answered create(Caller caller, NewPost command, OnceOnly<Post> once) {
        return retries.actingFor(caller).once(once, inserting(caller, command));
    }

    /** Only the user's owner may add its posts. */
    private UnitOfWork.Work<Post> inserting(Caller caller, NewPost command) {
        return repos -> {
            Owners.requireUserToAddTo(repos, caller, command.userId());
            return repos.posts().insert(command.userId(), command.draft(), Now.of(clock));
        };
    }
}

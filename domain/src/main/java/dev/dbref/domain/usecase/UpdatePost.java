package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostUpdate;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Changes the title or body of a post. */
public final class UpdatePost {
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public UpdatePost(UnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public Post update(Caller caller, PostUpdate command) {
        long id = command.id();
        if (command.patch().isEmpty()) {
            return unitOfWork.read(repos -> {
                Owners.requirePostOwner(repos, caller, id);
                return repos.posts().findById(id);
            }).orElseThrow(() -> new NotFoundException("post", id));
        }
        return unitOfWork.actingFor(caller).write(repos -> {
            Owners.requirePostOwner(repos, caller, id);
            return repos.posts().update(id, command.patch(), Now.of(clock));
        }).orElseThrow(() -> new NotFoundException("post", id));
    }
}

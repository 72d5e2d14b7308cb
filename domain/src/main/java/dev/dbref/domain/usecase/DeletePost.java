package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.port.UnitOfWork;

/** Removes a post. */
public final class DeletePost {
    private final UnitOfWork unitOfWork;

    public DeletePost(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public void delete(Caller caller, long id) {
        if (!unitOfWork.actingFor(caller).write(repos -> {
            Owners.requirePostOwner(repos, caller, id);
            return repos.posts().delete(id);
        })) {
            throw new NotFoundException("post", id);
        }
    }
}

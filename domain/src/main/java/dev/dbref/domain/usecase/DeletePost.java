package dev.dbref.domain.usecase;

import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.port.UnitOfWork;

/** Removes a post. */
public final class DeletePost {
    private final UnitOfWork unitOfWork;

    public DeletePost(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public void delete(long id) {
        if (!unitOfWork.write(repos -> repos.posts().delete(id))) {
            throw new NotFoundException("post", id);
        }
    }
}

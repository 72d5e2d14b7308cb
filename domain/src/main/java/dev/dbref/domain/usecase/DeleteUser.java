package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.port.UnitOfWork;

/** Removes a user and, with it, every post of theirs. */
public final class DeleteUser {
    private final UnitOfWork unitOfWork;

    public DeleteUser(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** Its posts go with it. */
    public void delete(Caller caller, long id) {
        if (!unitOfWork.actingFor(caller).write(repos -> {
            Owners.requireUserOwner(repos, caller, id);
            return repos.users().delete(id);
        })) {
            throw new NotFoundException("user", id);
        }
    }
}

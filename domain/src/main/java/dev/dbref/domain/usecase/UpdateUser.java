package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserUpdate;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Changes some properties of a user. */
public final class UpdateUser {
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public UpdateUser(UnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public User update(Caller caller, UserUpdate command) {
        long id = command.id();
        if (command.patch().isEmpty()) {
            return unitOfWork.read(repos -> {
                Owners.requireUserOwner(repos, caller, id);
                return repos.users().findById(id);
            }).orElseThrow(() -> new NotFoundException("user", id));
        }
        return unitOfWork.actingFor(caller).write(repos -> {
            Owners.requireUserOwner(repos, caller, id);
            return repos.users().update(id, command.patch(), Now.of(clock));
        }).orElseThrow(() -> new NotFoundException("user", id));
    }
}

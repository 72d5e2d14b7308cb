package dev.dbref.domain.usecase;

import dev.dbref.domain.model.ConflictException;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserDraft;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Registers a user. */
public final class CreateUser {
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public CreateUser(UnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** @throws ConflictException when the e-mail address is taken, in any letter case */
    public User create(UserDraft draft) {
        return unitOfWork.write(repos -> repos.users().insert(draft, Now.of(clock)));
    }
}

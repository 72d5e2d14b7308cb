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
    private final SafeRetries retries;

    public CreateUser(UnitOfWork unitOfWork, Clock clock, SafeRetries retries) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.retries = retries;
    }

    /** @throws ConflictException when the e-mail address is taken, in any letter case */
    public User create(UserDraft draft) {
        return unitOfWork.write(inserting(draft));
    }

    /** The same, at most once per key: a repeat gets the first answer. */
    public Answered create(UserDraft draft, OnceOnly<User> once) {
        return retries.once(once, inserting(draft));
    }

    private UnitOfWork.Work<User> inserting(UserDraft draft) {
        return repos -> repos.users().insert(draft, Now.of(clock));
    }
}

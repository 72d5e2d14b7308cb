package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Owner;
import dev.dbref.domain.model.Scope;
import dev.dbref.domain.model.AccessRules;
import dev.dbref.domain.model.Caller;
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
    public User create(Caller caller, UserDraft draft) {
        AccessRules.requireScope(caller, Scope.USERS_WRITE);
        return unitOfWork.actingFor(caller).write(inserting(caller, draft));
    }

    /** The same, at most once per key: a repeat gets the first answer. */
    public Answered create(Caller caller, UserDraft draft, OnceOnly<User> once) {
        AccessRules.requireScope(caller, Scope.USERS_WRITE);
        return retries.actingFor(caller).once(once, inserting(caller, draft));
    }

    /** The new user belongs to its creator. */
    private UnitOfWork.Work<User> inserting(Caller caller, UserDraft draft) {
        Owner owner = Owner.of(caller);
        return repos -> repos.users().insert(draft, owner, Now.of(clock));
    }
}

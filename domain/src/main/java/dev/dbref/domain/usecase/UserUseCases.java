package dev.dbref.domain.usecase;

import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Every user use case, built over one unit of work: what the web adapter is handed. */
public record UserUseCases(CreateUser createUser, GetUser getUser, ListUsers listUsers, UpdateUser updateUser,
                           DeleteUser deleteUser) {

    public static UserUseCases over(UnitOfWork unitOfWork, Clock clock, SafeRetries retries) {
        return new UserUseCases(
                new CreateUser(unitOfWork, clock, retries),
                new GetUser(unitOfWork),
                new ListUsers(unitOfWork),
                new UpdateUser(unitOfWork, clock),
                new DeleteUser(unitOfWork));
    }
}

package dev.dbref.domain.usecase;

import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Every user and post use case, built over one unit of work: what the web adapter is handed. */
public record UserUseCases(CreateUser createUser, GetUser getUser, ListUsers listUsers, UpdateUser updateUser,
                           DeleteUser deleteUser, CreatePost createPost, GetPost getPost, ListPosts listPosts,
                           UpdatePost updatePost, DeletePost deletePost) {

    public static UserUseCases over(UnitOfWork unitOfWork, Clock clock) {
        return new UserUseCases(
                new CreateUser(unitOfWork, clock),
                new GetUser(unitOfWork),
                new ListUsers(unitOfWork),
                new UpdateUser(unitOfWork, clock),
                new DeleteUser(unitOfWork),
                new CreatePost(unitOfWork, clock),
                new GetPost(unitOfWork),
                new ListPosts(unitOfWork),
                new UpdatePost(unitOfWork, clock),
                new DeletePost(unitOfWork));
    }
}

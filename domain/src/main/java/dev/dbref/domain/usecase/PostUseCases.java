package dev.dbref.domain.usecase;

import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Every post use case, built over one unit of work: what the web adapter is handed. */
public record PostUseCases(CreatePost createPost, GetPost getPost, ListPosts listPosts, UpdatePost updatePost,
                           DeletePost deletePost) {

    public static PostUseCases over(UnitOfWork unitOfWork, Clock clock, SafeRetries retries) {
        return new PostUseCases(
                new CreatePost(unitOfWork, clock, retries),
                new GetPost(unitOfWork),
                new ListPosts(unitOfWork),
                new UpdatePost(unitOfWork, clock),
                new DeletePost(unitOfWork));
    }
}

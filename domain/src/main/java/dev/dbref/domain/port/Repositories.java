package dev.dbref.domain.port;

/**
 * The repositories of one unit of work, all bound to its single transaction. Handed to the
 * work by {@link UnitOfWork}; valid only while that work runs.
 */
public interface Repositories {
    ProductRepository products();

    UserRepository users();

    PostRepository posts();

    IdempotencyRepository idempotency();
}

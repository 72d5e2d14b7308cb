package dev.dbref.persistence.repository;

import dev.dbref.domain.port.IdempotencyRepository;
import dev.dbref.domain.port.PostRepository;
import dev.dbref.domain.port.ProductRepository;
import dev.dbref.domain.port.UserRepository;
import dev.dbref.domain.port.Repositories;
import org.jooq.DSLContext;

/** The repositories of one transaction, all on its single connection. */
public final class JooqRepositories implements Repositories {
    private final DSLContext tx;

    public JooqRepositories(DSLContext tx) {
        this.tx = tx;
    }

    /** The transaction's context, for tests in this package that must run a statement the ports cannot. */
    public DSLContext dsl() {
        return tx;
    }

    @Override
    public ProductRepository products() {
        return new JooqProductRepository(tx);
    }

    @Override
    public UserRepository users() {
        return new JooqUserRepository(tx);
    }

    @Override
    public PostRepository posts() {
        return new JooqPostRepository(tx);
    }

    @Override
    public IdempotencyRepository idempotency() {
        return new JooqIdempotencyRepository(tx);
    }
}

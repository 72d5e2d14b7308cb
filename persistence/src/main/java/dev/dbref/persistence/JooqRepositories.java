package dev.dbref.persistence;

import dev.dbref.domain.port.ProductRepository;
import dev.dbref.domain.port.Repositories;
import org.jooq.DSLContext;

/** The repositories of one transaction, all on its single connection. */
final class JooqRepositories implements Repositories {
    private final DSLContext tx;

    JooqRepositories(DSLContext tx) {
        this.tx = tx;
    }

    @Override
    public ProductRepository products() {
        return new JooqProductRepository(tx);
    }
}

package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Adds one product. */
public final class CreateProduct {
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public CreateProduct(UnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    public Product create(ProductDraft draft) {
        return unitOfWork.write(repos -> repos.products().insert(draft, Now.of(clock)));
    }
}

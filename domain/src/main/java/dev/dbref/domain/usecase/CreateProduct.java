package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Adds one product. */
public final class CreateProduct {
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SafeRetries retries;

    public CreateProduct(UnitOfWork unitOfWork, Clock clock, SafeRetries retries) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.retries = retries;
    }

    public Product create(ProductDraft draft) {
        return unitOfWork.write(inserting(draft));
    }

    /** The same, at most once per key: a repeat gets the first answer. */
    public Answered create(ProductDraft draft, OnceOnly<Product> once) {
        return retries.once(once, inserting(draft));
    }

    private UnitOfWork.Work<Product> inserting(ProductDraft draft) {
        return repos -> repos.products().insert(draft, Now.of(clock));
    }
}

package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Scope;
import dev.dbref.domain.model.AccessRules;
import dev.dbref.domain.model.Caller;
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

    public Product create(Caller caller, ProductDraft draft) {
        AccessRules.requireScope(caller, Scope.PRODUCTS_WRITE);
        return unitOfWork.write(inserting(draft));
    }

    /** The same, at most once per key: a repeat gets the first answer. */
    public Answered create(Caller caller, ProductDraft draft, OnceOnly<Product> once) {
        AccessRules.requireScope(caller, Scope.PRODUCTS_WRITE);
        return retries.once(once, inserting(draft));
    }

    private UnitOfWork.Work<Product> inserting(ProductDraft draft) {
        return repos -> repos.products().insert(draft, Now.of(clock));
    }
}

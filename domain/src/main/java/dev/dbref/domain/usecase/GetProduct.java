package dev.dbref.domain.usecase;

import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.port.UnitOfWork;

/** Reads one product. */
public final class GetProduct {
    private final UnitOfWork unitOfWork;

    public GetProduct(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** @throws NotFoundException when there is no such product */
    public Product get(long id) {
        return unitOfWork.readOne(repos -> repos.products().findById(id))
                .orElseThrow(() -> new NotFoundException("product", id));
    }
}

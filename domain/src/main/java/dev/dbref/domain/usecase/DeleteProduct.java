package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Scope;
import dev.dbref.domain.model.AccessRules;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.ProductDeletion;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.StaleVersionException;
import dev.dbref.domain.port.UnitOfWork;

/** Removes one product. */
public final class DeleteProduct {
    private final UnitOfWork unitOfWork;

    public DeleteProduct(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /**
     * @throws NotFoundException     when there is no such product
     * @throws StaleVersionException when the product exists at another version; nothing changed
     */
    public void delete(Caller caller, ProductDeletion command) {
        AccessRules.requireScope(caller, Scope.PRODUCTS_WRITE);
        unitOfWork.write(repos -> {
            if (!repos.products().delete(command.id(), command.expected())) {
                throw VersionCheck.failure(repos.products(), command.id(), command.expected());
            }
            return null;
        });
    }
}

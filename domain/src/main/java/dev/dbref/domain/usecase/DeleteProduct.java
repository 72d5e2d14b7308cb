package dev.dbref.domain.usecase;

import dev.dbref.domain.model.ExpectedVersion;
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
     * @param expectedVersion the version the client last saw, or any
     * @throws NotFoundException     when there is no such product
     * @throws StaleVersionException when the product exists at another version; nothing changed
     */
    public void delete(long id, ExpectedVersion expectedVersion) {
        unitOfWork.write(repos -> {
            if (!repos.products().delete(id, expectedVersion)) {
                throw VersionCheck.failure(repos.products(), id, expectedVersion);
            }
            return null;
        });
    }
}

package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Scope;
import dev.dbref.domain.model.AccessRules;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.ExpectedVersion;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductUpdate;
import dev.dbref.domain.model.StaleVersionException;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/**
 * Changes some properties of a product. The change is one statement that sets only the given
 * properties, so a concurrent change to another property is never lost, with or without a version.
 */
public final class UpdateProduct {
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public UpdateProduct(UnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException     when there is no such product
     * @throws StaleVersionException when the product exists at another version; nothing changed
     */
    public Product update(Caller caller, ProductUpdate command) {
        AccessRules.requireScope(caller, Scope.PRODUCTS_WRITE);
        if (command.patch().isEmpty()) {
            return unchanged(command.id(), command.expected());
        }
        return unitOfWork.write(repos -> repos.products()
                .update(command.id(), command.patch(), command.expected(), Now.of(clock))
                .orElseThrow(() -> VersionCheck.failure(repos.products(), command.id(), command.expected())));
    }

    /** An empty patch changes nothing, not even the version, but still answers 404 and 412 truthfully. */
    private Product unchanged(long id, ExpectedVersion expectedVersion) {
        Product current = unitOfWork.readOne(repos -> repos.products().findById(id))
                .orElseThrow(() -> new NotFoundException("product", id));
        if (!expectedVersion.admits(current.version())) {
            throw new StaleVersionException("product", id, expectedVersion);
        }
        return current;
    }
}

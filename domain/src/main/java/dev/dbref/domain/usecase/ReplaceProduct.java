package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Scope;
import dev.dbref.domain.model.AccessRules;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductReplacement;
import dev.dbref.domain.model.StaleVersionException;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Replaces every property of a product (omitted optional ones return to their defaults). */
public final class ReplaceProduct {
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ReplaceProduct(UnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException      when there is no such product
     * @throws StaleVersionException  when the product exists at another version; nothing changed
     */
    public Product replace(Caller caller, ProductReplacement command) {
        AccessRules.requireScope(caller, Scope.PRODUCTS_WRITE);
        return unitOfWork.write(repos -> repos.products()
                .replace(command.id(), command.draft(), command.expected(), Now.of(clock))
                .orElseThrow(() -> VersionCheck.failure(repos.products(), command.id(), command.expected())));
    }
}

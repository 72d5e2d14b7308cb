package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Scope;
import dev.dbref.domain.model.AccessRules;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.InvalidQueryException;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.port.UnitOfWork;

/** Removes every product matching a filter, in one statement. */
public final class DeleteProducts {
    private final UnitOfWork unitOfWork;

    public DeleteProducts(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /**
     * @return how many products were deleted
     * @throws InvalidQueryException when the filter is empty
     */
    public int deleteAll(Caller caller, ProductFilter filter) {
        AccessRules.requireScope(caller, Scope.PRODUCTS_WRITE);
        BulkFilters.requireCriterion(filter);
        return unitOfWork.write(repos -> repos.products().deleteAll(filter));
    }
}

package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Scope;
import dev.dbref.domain.model.AccessRules;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.InvalidQueryException;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.model.ProductPatch;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Sets the same properties on every product matching a filter, in one statement. */
public final class UpdateProducts {
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public UpdateProducts(UnitOfWork unitOfWork, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /**
     * @return how many products changed (each one's version +1)
     * @throws InvalidQueryException when the filter is empty: a bulk change never addresses every row by default
     */
    public int updateAll(Caller caller, ProductFilter filter, ProductPatch patch) {
        AccessRules.requireScope(caller, Scope.PRODUCTS_WRITE);
        BulkFilters.requireCriterion(filter);
        if (patch.isEmpty()) {
            return 0;
        }
        return unitOfWork.write(repos -> repos.products().updateAll(filter, patch, Now.of(clock)));
    }
}

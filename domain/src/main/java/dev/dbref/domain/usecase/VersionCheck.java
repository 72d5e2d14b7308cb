package dev.dbref.domain.usecase;

import dev.dbref.domain.model.ExpectedVersion;
import dev.dbref.domain.model.DomainException;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.StaleVersionException;
import dev.dbref.domain.port.ProductRepository;

/**
 * Explains a conditional change that matched no row. The change itself already checked id and
 * version atomically; this read only tells the client which of the two failed.
 */
final class VersionCheck {
    private VersionCheck() {
    }

    static DomainException failure(ProductRepository products, long id, ExpectedVersion expectedVersion) {
        if (!(expectedVersion instanceof ExpectedVersion.Any) && products.exists(id)) {
            return new StaleVersionException("product", id, expectedVersion);
        }
        return new NotFoundException("product", id);
    }
}

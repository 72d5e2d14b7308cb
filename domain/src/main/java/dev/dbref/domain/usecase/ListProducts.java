package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductQuery;
import dev.dbref.domain.model.ResultPage;
import dev.dbref.domain.port.UnitOfWork;

/** Reads one page of products and the number of all matches, in one read transaction so both agree. */
public final class ListProducts {
    private final UnitOfWork unitOfWork;

    public ListProducts(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public ResultPage<Product> list(ProductQuery query) {
        return unitOfWork.read(repos -> new ResultPage<>(
                repos.products().find(query),
                repos.products().count(query.filter()),
                query.page()));
    }
}

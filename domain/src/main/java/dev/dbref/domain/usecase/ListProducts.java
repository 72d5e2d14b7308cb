package dev.dbref.domain.usecase;

import dev.dbref.domain.model.ProductProjection;
import dev.dbref.domain.model.ProductQuery;
import dev.dbref.domain.model.ResultPage;
import dev.dbref.domain.port.UnitOfWork;


/**
 * Reads one page of products and, when asked, the number of all matches, in one read unit of
 * work so both agree. With {@code Totals.NONE} no counting statement runs: the one extra row the
 * page fetches tells whether more follow.
 */
public final class ListProducts {
    private final UnitOfWork unitOfWork;

    public ListProducts(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** The page's products with exactly the properties the query asked for. */
    public ResultPage<ProductProjection> list(ProductQuery query) {
        return unitOfWork.read(repos -> ResultPage.of(
                repos.products().find(query),
                query.page(),
                query.page().total(() -> repos.products().count(query.filter())),
                query::seekKeyAfter))
                .map(product -> new ProductProjection(query.fields(), product));
    }
}

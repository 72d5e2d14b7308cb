package dev.dbref.domain.usecase;

import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/**
 * Every product use case, built over one unit of work: what the web adapter is handed. Each
 * component is named after its class, as for users and posts: {@code products.updateProduct().update(...)}.
 */
public record ProductUseCases(CreateProduct createProduct, GetProduct getProduct, ListProducts listProducts,
                              ReplaceProduct replaceProduct, UpdateProduct updateProduct, DeleteProduct deleteProduct,
                              CreateProducts createProducts, UpdateProducts updateProducts, DeleteProducts deleteProducts) {

    public static ProductUseCases over(UnitOfWork unitOfWork, Clock clock, SafeRetries retries) {
        return new ProductUseCases(
                new CreateProduct(unitOfWork, clock, retries),
                new GetProduct(unitOfWork),
                new ListProducts(unitOfWork),
                new ReplaceProduct(unitOfWork, clock),
                new UpdateProduct(unitOfWork, clock),
                new DeleteProduct(unitOfWork),
                new CreateProducts(unitOfWork, clock, retries),
                new UpdateProducts(unitOfWork, clock),
                new DeleteProducts(unitOfWork));
    }
}

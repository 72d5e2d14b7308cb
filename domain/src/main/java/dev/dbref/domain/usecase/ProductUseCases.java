package dev.dbref.domain.usecase;

import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;

/** Every product use case, built over one unit of work: what the web adapter is handed. */
public record ProductUseCases(CreateProduct create, GetProduct get, ListProducts list,
                              ReplaceProduct replace, UpdateProduct update, DeleteProduct delete,
                              CreateProducts createAll, UpdateProducts updateAll, DeleteProducts deleteAll) {

    public static ProductUseCases over(UnitOfWork unitOfWork, Clock clock) {
        return new ProductUseCases(
                new CreateProduct(unitOfWork, clock),
                new GetProduct(unitOfWork),
                new ListProducts(unitOfWork),
                new ReplaceProduct(unitOfWork, clock),
                new UpdateProduct(unitOfWork, clock),
                new DeleteProduct(unitOfWork),
                new CreateProducts(unitOfWork, clock),
                new UpdateProducts(unitOfWork, clock),
                new DeleteProducts(unitOfWork));
    }
}

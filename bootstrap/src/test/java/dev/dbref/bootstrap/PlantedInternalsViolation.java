package dev.dbref.bootstrap;

/** Test-only: the composition root reaching past the adapters' surfaces, so ArchitectureTest can prove those rules fail. */
final class PlantedInternalsViolation {
    dev.dbref.persistence.unitofwork.PooledUnitOfWork unitOfWork;
    dev.dbref.web.products.ProductRoutes routes;
}

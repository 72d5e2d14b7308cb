package dev.dbref.web.request;

/** Test-only: the bottom package of web reaching up into the product routes, so ArchitectureTest can prove the package cycle rule fails. */
final class PlantedPackageCycle {
    dev.dbref.web.products.ProductRoutes routes;
}

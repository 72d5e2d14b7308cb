package dev.dbref.domain.port;

/** Test-only: a port depending on a use case closes a cycle inside the domain, so ArchitectureTest can prove its rule fails. */
final class PlantedPortViolation {
    dev.dbref.domain.usecase.GetProduct useCase;
}

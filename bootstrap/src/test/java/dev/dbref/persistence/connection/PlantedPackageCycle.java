package dev.dbref.persistence.connection;

/** Test-only: the bottom package of persistence reaching up into the unit of work, so ArchitectureTest can prove the package cycle rule fails. */
final class PlantedPackageCycle {
    dev.dbref.persistence.unitofwork.PooledUnitOfWork unitOfWork;
}

package dev.dbref.domain.model;

import dev.dbref.bootstrap.PlantedCycle;

/** Test-only: a domain class using JDBC and closing a package cycle, so ArchitectureTest can prove its rules fail. */
final class PlantedDomainViolation {
    java.sql.Connection connection;
    PlantedCycle cycle;
}

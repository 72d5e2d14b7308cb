package dev.dbref.web;

/** Test-only: a web class reaching into persistence and jOOQ, so ArchitectureTest can prove its rules fail. */
final class PlantedWebViolation {
    dev.dbref.persistence.Database database;
    org.jooq.DSLContext dsl;
}

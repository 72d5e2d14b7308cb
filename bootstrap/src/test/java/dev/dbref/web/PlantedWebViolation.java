package dev.dbref.web;

/** Test-only: a web class reaching into persistence, jOOQ and a metrics backend, so ArchitectureTest can prove its rules fail. */
final class PlantedWebViolation {
    dev.dbref.persistence.Database database;
    org.jooq.DSLContext dsl;
    io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry;
}

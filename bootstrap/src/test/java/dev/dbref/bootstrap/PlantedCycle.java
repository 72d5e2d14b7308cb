package dev.dbref.bootstrap;

/** Test-only: uses the generated jOOQ table and the domain, closing a cycle with PlantedDomainViolation. */
public final class PlantedCycle {
    dev.dbref.db.jooq.tables.Products table;
    dev.dbref.domain.model.Product product;
    org.jooq.DSLContext dsl;
}

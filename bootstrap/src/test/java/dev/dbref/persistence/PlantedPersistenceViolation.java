package dev.dbref.persistence;

/** Test-only: a persistence class reaching into Helidon and the web adapter, so ArchitectureTest can prove its rules fail. */
final class PlantedPersistenceViolation {
    io.helidon.webserver.WebServer server;
    dev.dbref.web.Api api;
}

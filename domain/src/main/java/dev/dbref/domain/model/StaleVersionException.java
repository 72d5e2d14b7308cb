package dev.dbref.domain.model;

/**
 * The client's copy is out of date: it asked to change version {@code expected}, but the stored
 * row has moved on. Nothing was changed.
 */
public final class StaleVersionException extends DomainException {
    public StaleVersionException(String resource, long id, long expected) {
        // Versions start at 1; a lower one stands for a tag that names no version at all.
        super(resource + " " + id + (expected >= 1 ? " is no longer at version " + expected : " has no such version"));
    }
}

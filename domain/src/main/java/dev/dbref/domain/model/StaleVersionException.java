package dev.dbref.domain.model;

/**
 * The client's copy is out of date: it asked to change the version it expected, but the stored
 * row has moved on (or the tag named no version at all). Nothing was changed.
 */
public final class StaleVersionException extends DomainException {
    public StaleVersionException(String resource, long id, ExpectedVersion expected) {
        super(resource + " " + id + (expected instanceof ExpectedVersion.Exactly exactly
                ? " is no longer at version " + exactly.version()
                : " has no such version"));
    }
}

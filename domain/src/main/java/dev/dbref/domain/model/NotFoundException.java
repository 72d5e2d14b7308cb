package dev.dbref.domain.model;

/** The addressed resource does not exist (or no longer does). */
public final class NotFoundException extends DomainException {
    public NotFoundException(String resource, long id) {
        super(resource + " " + id + " does not exist");
    }
}

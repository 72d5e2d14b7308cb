package dev.dbref.domain.model;

/** Remove product {@code id}, if it is still at the expected version. */
public record ProductDeletion(long id, ExpectedVersion expected) {
}

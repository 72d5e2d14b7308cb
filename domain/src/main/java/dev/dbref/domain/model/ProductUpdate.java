package dev.dbref.domain.model;

/** Change the present properties of product {@code id}, if it is still at the expected version. */
public record ProductUpdate(long id, ProductPatch patch, ExpectedVersion expected) {
}

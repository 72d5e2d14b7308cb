package dev.dbref.domain.model;

/** Replace every property of product {@code id}, if it is still at the expected version. */
public record ProductReplacement(long id, ProductDraft draft, ExpectedVersion expected) {
}

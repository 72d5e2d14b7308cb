package dev.dbref.domain.model;

/** Change the present properties of post {@code id}. */
public record PostUpdate(long id, PostPatch patch) {
}

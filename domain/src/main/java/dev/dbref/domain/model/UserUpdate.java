package dev.dbref.domain.model;

/** Change the present properties of user {@code id}. */
public record UserUpdate(long id, UserPatch patch) {
}

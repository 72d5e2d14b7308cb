package dev.dbref.domain.model;

/** A post for user {@code userId}. */
public record NewPost(long userId, PostDraft draft) {
}

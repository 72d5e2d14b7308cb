package dev.dbref.domain.model;

/** A page of the posts of user {@code userId}, ordered by id. */
public record UserPostsQuery(long userId, PageRequest page) {
}

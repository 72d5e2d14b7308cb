package dev.dbref.domain.model;

/** What a read of users may embed: {@code ?include=posts}. */
public enum UserInclude {
    POSTS
}

package dev.dbref.domain.model;

/** What a read of posts may embed: {@code ?include=user}. */
public enum PostInclude {
    USER
}

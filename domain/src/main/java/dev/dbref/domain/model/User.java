package dev.dbref.domain.model;

import java.time.Instant;

/**
 * A user as stored.
 *
 * @param email    as the user gave it; unique compared lower-cased
 * @param fullName may be {@code null}
 */
public record User(long id, String email, String username, String fullName, Instant createdAt, Instant updatedAt) {
}

package dev.dbref.domain.model;

import java.time.Instant;

/**
 * A post as stored; it belongs to one user and goes when the user goes.
 *
 * @param body may be {@code null}
 */
public record Post(long id, long userId, String title, String body, Instant createdAt, Instant updatedAt) {
}

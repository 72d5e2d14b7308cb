package dev.dbref.domain.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as stored. Immutable; every change produces a new {@code version}.
 *
 * <p>A product read with a field projection carries only the requested properties; the
 * others are {@code null} or zero.
 *
 * @param description may be {@code null}
 * @param price       exact, scale 2
 * @param version     starts at 1, +1 on every change; the value of the {@code ETag}
 * @param createdAt   UTC, millisecond precision
 */
public record Product(long id, String name, String description, BigDecimal price, long quantity,
                      long version, Instant createdAt, Instant updatedAt) {
}

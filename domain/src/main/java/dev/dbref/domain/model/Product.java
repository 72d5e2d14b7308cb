package dev.dbref.domain.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as stored. Immutable; every change produces a new {@code version}.
 *
 * <p>A list that asks for some properties only returns {@link ProductProjection}s, which say
 * which properties were read.
 *
 * @param description may be {@code null}
 * @param price       exact, scale 2
 * @param version     starts at 1, +1 on every change; the value of the {@code ETag}
 * @param createdAt   UTC, millisecond precision
 */
public record Product(long id, String name, String description, BigDecimal price, long quantity,
                      long version, Instant createdAt, Instant updatedAt) {
}

package dev.dbref.persistence.repository;

import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * A statement that ran, as the hooks see it.
 *
 * @param nanos      how long it ran
 * @param rows       the rows it changed or returned, where known before they were fetched
 * @param sql        its SQL with {@code ?} for each bind value
 * @param withValues its SQL with the bind values inlined, rendered only when asked for
 */
public record RanStatement(long nanos, OptionalInt rows, String sql, Supplier<String> withValues) {
}

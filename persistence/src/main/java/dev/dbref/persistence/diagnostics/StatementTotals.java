package dev.dbref.persistence.diagnostics;

/**
 * Every statement the adapter ran since start, and their summed execution time.
 */
public record StatementTotals(long statements, double seconds) {
}

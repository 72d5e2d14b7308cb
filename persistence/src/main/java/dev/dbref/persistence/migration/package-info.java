/**
 * Flyway migrations per dialect, applied before the pool opens and serialised across processes,
 * and the check that a schema is behind.
 */
package dev.dbref.persistence.migration;

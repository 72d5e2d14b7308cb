/**
 * Entities, value objects and their rules. Records are immutable; the commands that create or
 * change an entity ({@code ProductDraft}, {@code ProductPatch}, ...) validate themselves on
 * construction and report every failing field at once.
 */
package dev.dbref.domain.model;

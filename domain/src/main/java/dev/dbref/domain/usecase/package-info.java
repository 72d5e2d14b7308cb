/**
 * Use cases: one final class per act, one public method each. Each runs exactly one unit of
 * work, so each request is one transaction that commits or rolls back as a whole.
 */
package dev.dbref.domain.usecase;

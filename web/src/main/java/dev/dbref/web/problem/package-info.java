/**
 * problem+json (RFC 9457): domain errors translated to statuses in one place, and the answers
 * Helidon gives before routing.
 */
package dev.dbref.web.problem;

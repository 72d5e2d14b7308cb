/**
 * What operators ask: readiness within its deadline, pool and statement figures, statement
 * logging.
 */
package dev.dbref.persistence.diagnostics;

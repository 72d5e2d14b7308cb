/**
 * The persistence adapter: implements the domain's ports with type-safe jOOQ over one HikariCP
 * pool, on SQLite or PostgreSQL.
 *
 * <p>{@link dev.dbref.persistence.Database} is the only entry point the composition root needs.
 * Everything else is package-private: repositories exist only inside a unit of work, bound to
 * its transaction, so no code can reach a connection outside one.
 */
package dev.dbref.persistence;

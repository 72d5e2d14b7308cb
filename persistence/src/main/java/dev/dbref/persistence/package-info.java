/**
 * The persistence adapter: implements the domain's ports with type-safe jOOQ over one HikariCP
 * pool, on SQLite or PostgreSQL. {@link dev.dbref.persistence.Database} wires its parts, bottom
 * to top, and is what the composition root opens:
 * {@code connection} (URLs, the pool, reaching a server, SQL errors in plain words) &lt;
 * {@code repository} (the jOOQ repositories) &lt; {@code unitofwork} (borrow, begin, commit or roll
 * back, return) &lt; {@code migration} &lt; {@code routing} (primary or standby, read-your-writes) &lt;
 * {@code diagnostics} (readiness, figures, statement logging).
 *
 * <p>Classes are public where another of these packages uses them; which of them other modules
 * may use is the adapter's surface that {@code ArchitectureTest} checks. Repositories exist only
 * inside a unit of work, bound to its transaction, so no code can reach a connection outside one.
 */
package dev.dbref.persistence;

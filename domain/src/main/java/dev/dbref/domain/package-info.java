/**
 * The core of the hexagon: entities, value objects, business rules, ports and use cases.
 *
 * <p>Plain Java with no dependencies beyond the JDK. Nothing here knows about HTTP, SQL,
 * jOOQ, JDBC or a logging framework; adapters depend on this package, never the reverse.
 */
package dev.dbref.domain;

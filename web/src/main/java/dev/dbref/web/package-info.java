/**
 * The HTTP adapter (Helidon 4 SE): routing, JSON mapping and problem+json errors.
 *
 * <p>It sees only the domain: it calls use cases, each of which runs one unit of work, and it
 * translates domain errors to HTTP statuses in one place ({@link dev.dbref.web.problem.ErrorResponses}).
 * It never sees jOOQ, JDBC or the persistence adapter. {@link dev.dbref.web.Api} is its entry point
 * and wires its parts: {@code request} &lt; {@code http} &lt; {@code problem}, {@code paging} &lt;
 * {@code products}, {@code users}, {@code observe}, {@code docs}.
 */
package dev.dbref.web;

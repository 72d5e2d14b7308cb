/**
 * What every route uses: JSON, responses, reading bodies, path ids and query parameters, If-
 * Match, includes, Idempotency-Key, and the exception that carries an HTTP status.
 */
package dev.dbref.web.http;

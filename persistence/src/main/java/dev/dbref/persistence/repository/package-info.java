/**
 * The domain's repository ports in type-safe jOOQ, each on the one connection of a unit of work:
 * keyset paging (Seek), bulk rows, partial updates, idempotency keys.
 */
package dev.dbref.persistence.repository;

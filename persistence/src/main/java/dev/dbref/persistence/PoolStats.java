package dev.dbref.persistence;

/**
 * The pool's figures at one instant, as HikariCP counts them.
 *
 * @param pending threads waiting for a connection
 */
public record PoolStats(int active, int idle, int pending, int total, int max) {
}

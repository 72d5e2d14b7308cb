package dev.dbref.persistence.connection;

/**
 * The pool's figures at one instant, as HikariCP counts them.
 *
 * @param pending        callers waiting for a connection (at the pool or at its borrow gate)
 * @param timeouts       waits for a connection that gave up since start (each one a 503)
 * @param acquired       connections handed out since start
 * @param acquireSeconds time callers spent waiting for those connections, summed
 */
public record PoolStats(int active, int idle, int pending, int total, int max,
                        long timeouts, long acquired, double acquireSeconds) {
}

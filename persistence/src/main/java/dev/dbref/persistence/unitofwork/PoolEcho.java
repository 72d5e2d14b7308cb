package dev.dbref.persistence.unitofwork;

import dev.dbref.persistence.connection.PoolStats;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * {@code DB_ECHO_POOL}: logs each checkout and checkin of a connection with the pool's counts.
 * HikariCP itself logs connects and closes (logger {@code com.zaxxer.hikari.pool.HikariPool} at
 * debug level), which the composition root switches on with the same setting.
 */
public final class PoolEcho {
    private static final Logger LOG = System.getLogger("dev.dbref.pool");
    public static final PoolEcho OFF = new PoolEcho(false, () -> null);

    private final boolean enabled;
    private final Supplier<PoolStats> stats;

    public PoolEcho(boolean enabled, Supplier<PoolStats> stats) {
        this.enabled = enabled;
        this.stats = stats;
    }

    public void checkout(Access access) {
        if (enabled) {
            LOG.log(Level.INFO, "checkout (" + (access == Access.WRITES ? "write" : "read") + ") " + counts());
        }
    }

    public void checkin() {
        if (enabled) {
            LOG.log(Level.INFO, "checkin " + counts());
        }
    }

    private String counts() {
        PoolStats s = stats.get();
        return "active=" + s.active() + " idle=" + s.idle() + " pending=" + s.pending() + " total=" + s.total()
                + " max=" + s.max();
    }
}

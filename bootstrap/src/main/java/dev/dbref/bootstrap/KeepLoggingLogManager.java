package dev.dbref.bootstrap;

import java.util.logging.LogManager;

/**
 * The JDK's log manager closes every handler from its own shutdown hook, which races ours: the
 * lines that say the server stopped and the pool closed would be lost. Once configured, this one
 * ignores resets, so logging works until the JVM exits (the console handler flushes each line).
 */
public final class KeepLoggingLogManager extends LogManager {
    private static volatile boolean configured;

    static void configured() {
        configured = true;
    }

    @Override
    public void reset() {
        if (!configured) {
            super.reset();
        }
    }
}

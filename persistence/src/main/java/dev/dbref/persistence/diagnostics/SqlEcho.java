package dev.dbref.persistence.diagnostics;

import java.time.Duration;

/**
 * What the adapter logs about the statements it runs.
 *
 * @param statements     log every statement with its duration and row count ({@code DB_ECHO})
 * @param hideParameters mask bind values in that log ({@code DB_HIDE_PARAMETERS}, on by default)
 * @param slowStatement  warn about any statement at least this slow, echo or not
 */
public record SqlEcho(boolean statements, boolean hideParameters, Duration slowStatement) {
    public static final SqlEcho DEFAULTS = new SqlEcho(false, true, Duration.ofSeconds(1));
}

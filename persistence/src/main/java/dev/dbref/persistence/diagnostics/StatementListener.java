package dev.dbref.persistence.diagnostics;

/**
 * Told about every SQL statement the adapter runs, on the thread that ran it. The composition
 * root uses it to count statements per request ({@code Server-Timing}) without the web adapter
 * knowing about SQL.
 */
@FunctionalInterface
public interface StatementListener {
    StatementListener NONE = nanos -> { };

    void executed(long nanos);
}

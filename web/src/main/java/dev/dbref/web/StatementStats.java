package dev.dbref.web;

/**
 * The SQL statements the current request ran: how many, and how long they took. Implemented
 * outside the web adapter (the composition root bridges it to the persistence adapter's
 * statement listener); read here to write the {@code Server-Timing} header.
 */
public interface StatementStats {
    /** Starts counting for the request on the calling thread. */
    void begin();

    /** What the calling thread's request has run so far. */
    Snapshot current();

    /**
     * @param statements number of statements
     * @param nanos      their summed execution time
     */
    record Snapshot(int statements, long nanos) {
    }
}

package dev.dbref.persistence.unitofwork;

/** What a request declares it does, by its method: it only reads, or it may write. */
public enum Access {
    /** {@code GET}, {@code HEAD}: a standby may serve it. */
    READS,
    /** {@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}: the primary serves all of it, reads included. */
    WRITES
}

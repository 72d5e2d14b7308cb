package dev.dbref.persistence.connection;

/** The database could not be reached or refused us; the message is one clear line without secrets. */
public final class DatabaseUnreachableException extends RuntimeException {
    public DatabaseUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

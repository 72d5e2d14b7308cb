package dev.dbref.persistence;

/** The database could not be reached or refused us; the message is one clear line without secrets. */
public final class DatabaseUnreachableException extends RuntimeException {
    DatabaseUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

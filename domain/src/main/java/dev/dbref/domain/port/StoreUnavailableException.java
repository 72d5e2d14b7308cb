package dev.dbref.domain.port;

/**
 * The store could not be reached, or had no free connection within the configured wait. The
 * request may succeed if retried later; nothing of its work was committed.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

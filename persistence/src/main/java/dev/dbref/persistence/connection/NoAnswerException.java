package dev.dbref.persistence.connection;

import java.net.SocketException;
import java.time.Duration;

/**
 * A read from the database that {@link ReadWatchdog} gave up: the server did not answer within
 * the bound, and the connection is closed.
 *
 * <p>Not a {@link java.net.SocketTimeoutException}: with no socket timeout of its own, pgjdbc
 * takes one for a timeout it set to peek and reads again, for ever (seen: five million reads a
 * minute on the closed socket of a black-holed standby). A {@link SocketException} is what both
 * the JDK's TLS socket and pgjdbc pass on unchanged, as a broken connection (SQLState 08006).
 */
public final class NoAnswerException extends SocketException {
    NoAnswerException(Duration bound) {
        super("no answer from the database within " + bound.toMillis() + " ms");
    }
}

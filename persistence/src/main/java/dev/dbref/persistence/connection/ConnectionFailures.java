package dev.dbref.persistence.connection;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Describes why the database could not be used, in one line an operator can act on and a client
 * may read. Built from the failure's kind and SQLState; never a password, a Java class or package
 * name, or a stack frame.
 */
public final class ConnectionFailures {
    /** A qualified class name, with the ": " that usually follows it in a wrapped message. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*:?\\s*");

    private ConnectionFailures() {
    }

    public static String describe(Throwable failure) {
        String tls = TlsFailures.describe(failure);
        if (!tls.isEmpty()) {
            return tls;
        }
        // The network cause sits below the driver's generic "could not connect" (SQLState 08001).
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown database host " + plain(t.getMessage());
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "connection refused: no database listens on that host and port";
            }
            if (t instanceof SocketTimeoutException || t instanceof NoAnswerException) {
                return "the database did not answer in time";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String known = bySqlState(sql.getSQLState());
                if (known != null) {
                    return known;
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return "no pooled connection became free in time";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = plain(failure.getMessage() == null ? root.getMessage() : failure.getMessage());
        return message.isBlank() ? "the database failed in an unexpected way (details in the service's log)" : message;
    }

    /** "no connection within 2s": what a wait for a pooled connection that gave up says. */
    public static String noConnectionWithin(Duration timeout) {
        long millis = timeout.toMillis();
        return "no connection within " + (millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms");
    }

    private static String bySqlState(String state) {
        return switch (state) {
            case "28P01", "28000" -> "authentication failed: wrong user name or password";
            case "3D000" -> "the database does not exist on that server";
            case "53300" -> "the server has no free connection slots";
            case "57P01", "57P02" -> "the database server shut down";
            case "57P03" -> "the database server is starting up or shutting down";
            default -> state.startsWith("08") ? "could not connect to the database (SQLState " + state + ")" : null;
        };
    }

    /** The first line of a message, without Java class names. */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return CLASS_NAME.matcher(line).replaceAll("").strip();
    }
}

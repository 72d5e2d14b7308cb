package dev.dbref.persistence;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Describes why a connection could not be made, in one line an operator can act on. Built from
 * the failure's kind and SQLState; the password is never part of it.
 */
final class ConnectionFailures {
    private ConnectionFailures() {
    }

    static String describe(Throwable failure) {
        // The network cause sits below the driver's generic "could not connect" (SQLState 08001).
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown database host " + t.getMessage();
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "connection refused: no database is listening at that host and port";
            }
            if (t instanceof SocketTimeoutException) {
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
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
    }

    private static String bySqlState(String state) {
        return switch (state) {
            case "28P01", "28000" -> "authentication failed: wrong user name or password";
            case "3D000" -> "the database does not exist on that server";
            case "53300" -> "the server has no free connection slots";
            case "57P03" -> "the database server is starting up or shutting down";
            default -> state.startsWith("08") ? "could not connect to the database (SQLState " + state + ")" : null;
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

package dev.dbref.persistence.unitofwork;

import dev.dbref.domain.model.Caller;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Tells PostgreSQL's row-level security who works in a write transaction: {@code app.subject}
 * and {@code app.admin}, set with {@code set_config(..., true)}, so they end with the transaction.
 * That holds through PgBouncer in transaction mode, and the next borrower of the connection starts
 * unbound. Nothing is bound for {@link Caller.Anyone}: such a transaction may change only the rows
 * nobody owns (API.md, "Security and safe retries").
 */
final class CallerBinding {
    private static final String BIND = "SELECT set_config('app.subject', ?, true), set_config('app.admin', ?, true)";

    private CallerBinding() {
    }

    static void bind(Connection connection, Caller caller) throws SQLException {
        if (caller instanceof Caller.Authenticated authenticated) {
            try (PreparedStatement statement = connection.prepareStatement(BIND)) {
                statement.setString(1, authenticated.subject());
                statement.setString(2, authenticated.isAdmin() ? "true" : "false");
                statement.execute();
            }
        }
    }
}

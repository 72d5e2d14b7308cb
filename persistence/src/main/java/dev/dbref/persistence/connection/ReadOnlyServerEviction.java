package dev.dbref.persistence.connection;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * Evicts a connection whose server turned read-only (SQLState 25006: the primary was demoted to a
 * standby), which HikariCP does not do by itself: the next borrow then connects afresh and the
 * driver finds the new primary. HikariCP instantiates it by class name.
 */
public final class ReadOnlyServerEviction implements SQLExceptionOverride {
    static final String READ_ONLY_TRANSACTION = "25006";

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return READ_ONLY_TRANSACTION.equals(e.getSQLState())
                ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}

package dev.dbref.persistence.unitofwork;

import java.sql.Connection;

/** What runs right after a write committed, on its connection, still borrowed: where the commit stands in the log. */
@FunctionalInterface
public interface AfterCommit {
    AfterCommit NOTHING = connection -> { };

    void committed(Connection connection);
}

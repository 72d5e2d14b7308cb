package dev.dbref.persistence.migration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What {@code migrate} gives the runtime role after the migrations, every time, so that a role
 * named after the first migration gets it too: rows of the application's tables and their
 * sequences, no DDL, no {@code TRUNCATE}, and Flyway's history only to read (the service asks it
 * whether the schema is behind). Default privileges cover tables the owner adds later by other
 * means than a migration.
 *
 * <p>The default privileges are also given before the migrations ({@link #beforeMigrations}): each
 * table a migration creates then carries its grants from the start, in the same transaction, so a
 * standby that replays up to any point never has a table the runtime role may not read.
 *
 * <p>One transaction under an advisory lock: two instances migrating at start would otherwise
 * grant at once and one fail with "tuple concurrently updated".
 */
final class RuntimeGrants {
    /** Any fixed key: only grants take it, so it never waits on anything else. */
    private static final long LOCK = 0x6462726566_47L;

    private RuntimeGrants() {
    }

    /** The schema and the default privileges only: the tables the migrations are about to create inherit them. */
    static void beforeMigrations(DataSource owner, RuntimeRole role) {
        inOneTransaction(owner, role, false);
    }

    /** Everything, for the tables that exist: run after every migration. */
    static void grant(DataSource owner, RuntimeRole role) {
        inOneTransaction(owner, role, true);
    }

    private static void inOneTransaction(DataSource owner, RuntimeRole role, boolean existingTables) {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
                String schema = quotedCurrentSchema(statement);
                String to = " TO " + role.quoted();
                statement.execute("GRANT USAGE ON SCHEMA " + schema + to);
                statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES" + to);
                statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + schema + " GRANT USAGE, SELECT ON SEQUENCES" + to);
                if (existingTables) {
                    statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + to);
                    // Flyway's history takes the default privileges too: the service only reads it.
                    statement.execute("REVOKE INSERT, UPDATE, DELETE ON " + schema + ".flyway_schema_history FROM " + role.quoted());
                    statement.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + to);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(reason(e, role), e);
        }
    }

    private static String quotedCurrentSchema(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT quote_ident(current_schema())")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String reason(SQLException e, RuntimeRole role) {
        if ("42704".equals(e.getSQLState())) {
            return "DB_APP_ROLE names the role " + role + ", which does not exist; create it first "
                    + "(README, \"Production roles\")";
        }
        if ("42501".equals(e.getSQLState())) {
            return "the migration's role may not grant " + role + " its rights: migrate as the owner of the tables";
        }
        return "could not grant " + role + " its rights: " + e.getMessage();
    }
}

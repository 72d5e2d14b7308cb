package dev.dbref.persistence.connection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the current PostgreSQL role holds on the application's tables: those of its schema,
 * Flyway's history aside.
 *
 * @param heldOnAll the privileges it holds on every one of them
 * @param owned     whether it owns one of them (or is a member of a role that does)
 */
record TablePrivileges(int count, List<String> heldOnAll, boolean owned) {
    private static final List<String> KINDS = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
            "REFERENCES", "TRIGGER");

    static TablePrivileges of(Statement statement) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*), coalesce(bool_or(pg_has_role(c.relowner, 'USAGE')), false)");
        for (String kind : KINDS) {
            sql.append(", coalesce(bool_and(has_table_privilege(c.oid, '").append(kind).append("')), false)");
        }
        sql.append(" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace")
                .append(" WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')")
                .append(" AND c.relname <> 'flyway_schema_history'");
        try (ResultSet rs = statement.executeQuery(sql.toString())) {
            rs.next();
            List<String> held = new ArrayList<>();
            for (int i = 0; i < KINDS.size(); i++) {
                if (rs.getBoolean(3 + i)) {
                    held.add(KINDS.get(i));
                }
            }
            return new TablePrivileges(rs.getInt(1), held, rs.getBoolean(2));
        }
    }
}

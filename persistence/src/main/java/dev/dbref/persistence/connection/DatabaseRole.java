package dev.dbref.persistence.connection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Who the service is in its database and what that role may do to the application's tables:
 * what {@code check} prints, and what {@code check} and {@code serve} warn about when the role
 * could drop them.
 */
public sealed interface DatabaseRole {
    /** One line for people. */
    String describe();

    /** Why this role is too strong for a running service; none for a least-privileged role. */
    Optional<String> warning();

    /** SQLite has no roles: the file's owner-only permissions are its access control. */
    record FilePermissions() implements DatabaseRole {
        @Override
        public String describe() {
            return "none (SQLite: the file's permissions decide who reads and writes it)";
        }

        @Override
        public Optional<String> warning() {
            return Optional.empty();
        }
    }

    /**
     * A PostgreSQL role.
     *
     * @param tables     how many application tables its schema holds (Flyway's history aside)
     * @param privileges the table privileges it holds on every one of them, in PostgreSQL's order
     * @param mayCreate  what it may create in the schema: its reach beyond rows
     */
    record Postgres(String name, Standing standing, String schema, int tables, List<String> privileges,
                    SchemaCreate mayCreate) implements DatabaseRole {
        public Postgres {
            privileges = List.copyOf(privileges);
        }

        @Override
        public String describe() {
            String onTables = tables == 0
                    ? "no application tables in schema " + schema + " yet (run migrate)"
                    : (privileges.isEmpty() ? "no privileges" : String.join(", ", privileges))
                    + " on all " + tables + " tables of schema " + schema;
            return name + standing.suffix + ": " + onTables + "; " + mayCreate.describe();
        }

        @Override
        public Optional<String> warning() {
            return standing.warning(name);
        }
    }

    /** How far a role stands above the rights the service needs. */
    enum Standing {
        SUPERUSER(" (superuser)", "a superuser"),
        OWNER(" (owner of the tables)", "the owner of the application's tables"),
        RUNTIME("", "");

        private final String suffix;
        private final String what;

        Standing(String suffix, String what) {
            this.suffix = suffix;
            this.what = what;
        }

        Optional<String> warning(String role) {
            if (this == RUNTIME) {
                return Optional.empty();
            }
            return Optional.of("the service connects to the database as " + what + " (" + role + "), which may drop "
                    + "or empty every table; run it as a role with only SELECT, INSERT, UPDATE and DELETE "
                    + "(DB_APP_ROLE; README, \"Production roles\")");
        }
    }

    /** Whether the role may create objects in the application's schema. */
    enum SchemaCreate {
        ALLOWED("may create objects in the schema"), REFUSED("may not create objects in the schema");

        private final String description;

        SchemaCreate(String description) {
            this.description = description;
        }

        String describe() {
            return description;
        }
    }

    /** The PostgreSQL role {@code connection} is logged in as, as the server sees it. */
    static DatabaseRole on(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) ServerCheck.TIMEOUT.toSeconds());
            String name;
            String schema;
            boolean superuser;
            SchemaCreate create;
            try (ResultSet rs = statement.executeQuery("SELECT current_user, current_schema(), r.rolsuper, "
                    + "has_schema_privilege(current_schema(), 'CREATE') FROM pg_roles r WHERE r.rolname = current_user")) {
                rs.next();
                name = rs.getString(1);
                schema = rs.getString(2);
                superuser = rs.getBoolean(3);
                create = rs.getBoolean(4) ? SchemaCreate.ALLOWED : SchemaCreate.REFUSED;
            }
            TablePrivileges tables = TablePrivileges.of(statement);
            Standing standing = superuser ? Standing.SUPERUSER : tables.owned() ? Standing.OWNER : Standing.RUNTIME;
            return new Postgres(name, standing, schema, tables.count(), tables.heldOnAll(), create);
        }
    }
}

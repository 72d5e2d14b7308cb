package dev.dbref.persistence.migration;

import java.util.regex.Pattern;

/**
 * The PostgreSQL role the service runs as ({@code DB_APP_ROLE}), which every {@code migrate}
 * grants what the service needs. Only a plain identifier, so that the name cannot carry SQL and
 * means the same role quoted or not.
 */
public record RuntimeRole(String name) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

    public RuntimeRole {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("DB_APP_ROLE must be a PostgreSQL role name in lower case (letters, digits, "
                    + "_ and $, at most 63, not starting with a digit)");
        }
    }

    /** The name as an SQL identifier. */
    String quoted() {
        return '"' + name + '"';
    }

    @Override
    public String toString() {
        return name;
    }
}

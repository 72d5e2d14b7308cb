package dev.dbref.persistence.connection;

import org.jooq.SQLDialect;

/** The databases this adapter supports, and what differs between them. */
public enum Dialect {
    SQLITE(SQLDialect.SQLITE, "db/migration/sqlite"),
    POSTGRESQL(SQLDialect.POSTGRES, "db/migration/postgresql");

    private final SQLDialect jooqDialect;
    private final String migrationLocation;

    Dialect(SQLDialect jooqDialect, String migrationLocation) {
        this.jooqDialect = jooqDialect;
        this.migrationLocation = migrationLocation;
    }

    public SQLDialect jooq() {
        return jooqDialect;
    }

    /** The classpath folder of this dialect's Flyway migrations. */
    public String migrationLocation() {
        return migrationLocation;
    }

    public String displayName() {
        return this == SQLITE ? "sqlite" : "postgresql";
    }
}

package dev.dbref.testkit;

import java.util.Map;
import java.util.Optional;

/**
 * The topology matrix: every way the service reaches its database that the contract tests run
 * over. A contract names the topologies that apply to it ({@code @EnumSource(Topology.class)},
 * all or some) and runs unchanged on each; the test report names each pair as
 * {@code [n] <topology>}.
 */
public enum Topology {
    /** The embedded default: one SQLite file. */
    SQLITE_FILE("SQLite file", TestDatabase.SQLITE) {
        @Override
        public Connections fresh() {
            return Connections.direct(TestDatabase.SQLITE.freshUrl());
        }
    },
    /** The same with bearer tokens on, its clients calling as {@code admin} ({@link TestAuthentication}). */
    SQLITE_FILE_WITH_TOKENS("SQLite file, bearer tokens on, as admin", TestDatabase.SQLITE, Callers.ADMIN_WITH_TOKENS) {
        @Override
        public Connections fresh() {
            return Connections.direct(TestDatabase.SQLITE.freshUrl());
        }
    },
    /** PostgreSQL reached directly. */
    POSTGRES("PostgreSQL", TestDatabase.POSTGRESQL) {
        @Override
        public Connections fresh() {
            return Connections.direct(TestDatabase.POSTGRESQL.freshUrl());
        }
    },
    /**
     * PostgreSQL through a real PgBouncer in transaction mode, as production runs it: the runtime
     * role over {@code verify-full} TLS to PgBouncer and SCRAM, PgBouncer verifying the server in
     * turn; migrations connect directly as the owner, as they must ({@link PgBouncer#tlsInstance()}).
     */
    POSTGRES_VIA_PGBOUNCER("PostgreSQL through PgBouncer in transaction mode, TLS at both ends", TestDatabase.POSTGRESQL) {
        @Override
        public Connections fresh() {
            return TlsPostgres.instance().leastPrivilegedThrough(PgBouncer.tlsInstance());
        }
    },
    /**
     * Writes on PostgreSQL, reads on an asynchronous hot standby whose replay a test can pause
     * ({@link SharedStandby}): a read routed wrongly, or a lost {@code Consistency-Token}, is a stale read.
     */
    POSTGRES_WITH_ASYNC_STANDBY("PostgreSQL with an asynchronous standby for reads", TestDatabase.POSTGRESQL) {
        @Override
        public Connections fresh() {
            String primary = TestDatabase.POSTGRESQL.freshUrl();
            return Connections.direct(primary).readingFrom(SharedStandby.readUrlFor(primary));
        }
    },
    /**
     * Production's connection: TLS with {@code sslmode=verify-full}, the service as a role that may
     * only read and write rows, migrations as the owner ({@link TlsPostgres#leastPrivileged()});
     * and production's front door: bearer tokens on, its clients calling as {@code admin}, so every
     * write of a user or post is bound to that caller for row-level security.
     */
    POSTGRES_TLS_LEAST_PRIVILEGE("PostgreSQL over verify-full TLS as the least-privileged role, bearer tokens on, as admin",
            TestDatabase.POSTGRESQL, Callers.ADMIN_WITH_TOKENS) {
        @Override
        public Connections fresh() {
            return TlsPostgres.instance().leastPrivileged();
        }
    };

    /** Who calls the service on a topology. */
    private enum Callers {
        /** Authentication off, as by default. */
        ANYONE,
        /** Bearer tokens on; every request carries an {@code admin} token ({@link TestAuthentication}). */
        ADMIN_WITH_TOKENS
    }

    private final String label;
    private final TestDatabase database;
    private final Callers callers;

    Topology(String label, TestDatabase database) {
        this(label, database, Callers.ANYONE);
    }

    Topology(String label, TestDatabase database, Callers callers) {
        this.label = label;
        this.database = database;
        this.callers = callers;
    }

    /** A new, empty database reached this way. */
    public abstract Connections fresh();

    /** What the service is given beyond its database: bearer tokens, on the topologies that turn them on. */
    public Map<String, String> serviceSettings() {
        return callers == Callers.ADMIN_WITH_TOKENS ? TestAuthentication.settings() : Map.of();
    }

    /** The token this topology's clients send with every request; empty while authentication is off. */
    public Optional<String> bearerToken() {
        return callers == Callers.ADMIN_WITH_TOKENS ? Optional.of(TestAuthentication.adminToken()) : Optional.empty();
    }

    /** The kind of server behind this topology. */
    public TestDatabase database() {
        return database;
    }

    @Override
    public String toString() {
        return label;
    }
}

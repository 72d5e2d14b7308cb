package dev.dbref.persistence;

import dev.dbref.domain.port.Repositories;
import org.jooq.Configuration;
import org.jooq.impl.DSL;

import java.sql.Connection;

/**
 * Repositories bound to one borrowed connection and nothing else: a fresh jOOQ context on that
 * connection alone, so a repository cannot reach another connection and escape the transaction.
 */
final class RepositoryBinding {
    private final Configuration jooq;

    RepositoryBinding(Configuration jooq) {
        this.jooq = jooq;
    }

    Repositories on(Connection connection, Access access) {
        Configuration configuration = jooq.derive(new SingleConnectionProvider(connection));
        if (access == Access.READS) {
            configuration.data(ReadOnlyGuard.READ_ONLY, Boolean.TRUE);
        }
        return new JooqRepositories(DSL.using(configuration));
    }
}

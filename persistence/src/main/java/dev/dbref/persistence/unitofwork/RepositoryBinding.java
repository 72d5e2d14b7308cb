package dev.dbref.persistence.unitofwork;

import dev.dbref.persistence.repository.JooqRepositories;
import dev.dbref.domain.port.Repositories;
import org.jooq.Configuration;
import org.jooq.impl.DSL;

import java.sql.Connection;

/**
 * Repositories bound to one borrowed connection and nothing else: a fresh jOOQ context on that
 * connection alone, so a repository cannot reach another connection and escape the transaction.
 */
public final class RepositoryBinding {
    private final Configuration jooq;

    public RepositoryBinding(Configuration jooq) {
        this.jooq = jooq;
    }

    public Repositories forWrites(Connection connection) {
        return new JooqRepositories(DSL.using(jooq.derive(new SingleConnectionProvider(connection))));
    }

    /** Repositories that may only query; with {@link ReadShape#ONE_QUERY}, only once. */
    public Repositories forReads(Connection connection, ReadShape shape) {
        Configuration configuration = jooq.derive(new SingleConnectionProvider(connection));
        configuration.data(ReadOnlyGuard.READ_ONLY, shape == ReadShape.ONE_QUERY
                ? new ReadOnlyGuard.OneQuery() : new ReadOnlyGuard.AnyQueries());
        return new JooqRepositories(DSL.using(configuration));
    }
}

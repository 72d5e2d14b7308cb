package dev.dbref.persistence.unitofwork;

import org.jooq.ConnectionProvider;

import java.sql.Connection;

/** Hands jOOQ the unit of work's connection and never closes it: the unit of work owns it. */
record SingleConnectionProvider(Connection connection) implements ConnectionProvider {
    @Override
    public Connection acquire() {
        return connection;
    }

    @Override
    public void release(Connection released) {
        // Returned to the pool by PooledUnitOfWork once the transaction has ended.
    }
}

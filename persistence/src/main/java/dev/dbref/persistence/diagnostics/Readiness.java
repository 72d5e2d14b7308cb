package dev.dbref.persistence.diagnostics;

import dev.dbref.persistence.connection.ConnectionFailures;
import dev.dbref.persistence.connection.DatabaseUnreachableException;
import dev.dbref.persistence.connection.Dialect;
import dev.dbref.persistence.connection.ServerCheck;
import dev.dbref.persistence.connection.ServerInfo;
import dev.dbref.persistence.migration.SchemaCheck;
import dev.dbref.persistence.unitofwork.Availability;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Whether the primary serves: a pooled connection answers {@code SELECT 1} and the schema is current. */
public final class Readiness {
    private final DataSource pool;
    private final Dialect dialect;
    private final Availability availability;
    private final Optional<SchemaCheck> schemaCheck;
    private final Duration poolTimeout;
    private Optional<RunningCheck> running = Optional.empty();

    public Readiness(DataSource pool, Dialect dialect, Availability availability, Optional<SchemaCheck> schemaCheck,
              Duration poolTimeout) {
        this.pool = pool;
        this.dialect = dialect;
        this.availability = availability;
        this.schemaCheck = schemaCheck;
        this.poolTimeout = poolTimeout;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Readiness: {@code SELECT 1} on a pooled connection, answered within {@code timeout} whatever
     * the network does. The check runs on a thread of its own: when the server does not answer (a
     * black-holed network, a frozen server), the caller is told so at the deadline, and the check
     * itself ends by the driver's socket timeout and returns its connection. One check at a time,
     * so that a dead network does not pile up checks and the connections they hold: a probe that
     * arrives while a check runs waits for that check's answer (a load balancer and an orchestrator
     * asking together are both told the truth, not a false DOWN).
     *
     * @throws DatabaseUnreachableException with a one-line reason when the database does not answer
     */
    ServerInfo ready(Duration timeout) {
        RunningCheck check = checkInFlightOrNew(timeout);
        try {
            return check.answer().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DatabaseUnreachableException(availability.downReason()
                    .orElse("the database did not answer within "
                            + Duration.ofNanos(System.nanoTime() - check.startedNanos()).toMillis() + " ms"), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DatabaseUnreachableException unreachable ? unreachable
                    : new DatabaseUnreachableException(ConnectionFailures.describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnreachableException("interrupted while checking the database", e);
        }
    }

    private synchronized RunningCheck checkInFlightOrNew(Duration timeout) {
        if (running.isPresent() && !running.get().answer().isDone()) {
            return running.get();
        }
        RunningCheck check = new RunningCheck(new CompletableFuture<>(), System.nanoTime());
        running = Optional.of(check);
        Thread.ofVirtual().name("dbref-readiness").start(() -> {
            try {
                check.answer().complete(readyNow(timeout));
            } catch (RuntimeException e) {
                check.answer().completeExceptionally(e);
            }
        });
        return check;
    }

    /** The check on its way: what it will answer, and since when (nanoTime) it has been asking. */
    private record RunningCheck(CompletableFuture<ServerInfo> answer, long startedNanos) {
    }

    private ServerInfo readyNow(Duration timeout) {
        if (availability.isDown()) {
            try {
                availability.requireReachable();
            } catch (RuntimeException e) {
                throw new DatabaseUnreachableException(availability.downReason().orElse("the database is unreachable"), e);
            }
        }
        try (Connection connection = pool.getConnection()) {
            ServerInfo info = ServerCheck.reachOn(connection, dialect);
            Optional<String> behind = schemaBehind();
            if (behind.isPresent()) {
                throw new DatabaseUnreachableException(behind.get(), null);
            }
            return info;
        } catch (SQLTransientConnectionException e) {
            availability.connectionFailed();
            throw new DatabaseUnreachableException(availability.downReason()
                    .orElse(ConnectionFailures.noConnectionWithin(poolTimeout)), e);
        } catch (SQLException e) {
            availability.connectionFailed();
            throw new DatabaseUnreachableException(ConnectionFailures.describe(e), e);
        }
    }

    private Optional<String> schemaBehind() {
        try {
            return schemaCheck.flatMap(SchemaCheck::behind);
        } catch (RuntimeException e) {
            return Optional.of("the schema's version could not be read: " + ConnectionFailures.describe(e));
        }
    }
}

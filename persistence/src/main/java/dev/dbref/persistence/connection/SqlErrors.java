package dev.dbref.persistence.connection;

import dev.dbref.domain.model.ConflictException;
import dev.dbref.domain.port.StoreUnavailableException;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Translates what JDBC and jOOQ throw into what the domain understands. Messages are our own:
 * a driver's message can quote SQL or connection details, so it is never passed on.
 */
public final class SqlErrors {
    /** PostgreSQL: admin shutdown, crash shutdown, cannot connect now, too many connections, query cancelled. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014");
    private static final String UNIQUE_VIOLATION = "23505";
    /** A server that shut down, is starting or stopping, or has no free slot: the standby, not the read, is at fault. */
    private static final Set<String> STANDBY_GONE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** A named prepared statement missing, or there already: a transaction pooler moved the session under us. */
    private static final Set<String> LOST_PREPARED_STATEMENT = Set.of("26000", "42P05");
    /** On a standby: a query cancelled because replay had to remove rows it needed (recovery conflict). */
    private static final String RECOVERY_CONFLICT = "40001";

    private SqlErrors() {
    }

    public static RuntimeException translate(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql instanceof SQLTransientConnectionException) {
            return new StoreUnavailableException("no database connection became free in time", failure);
        }
        if (sql != null && sql.getSQLState() != null && LOST_PREPARED_STATEMENT.contains(sql.getSQLState())) {
            return new StoreUnavailableException("a connection pooler between the service and PostgreSQL runs"
                    + " transactions on other server connections: add pgbouncer=true to DATABASE_URL", failure);
        }
        if (sql != null && ReadOnlyServerEviction.READ_ONLY_TRANSACTION.equals(sql.getSQLState())) {
            return new StoreUnavailableException("the database server is read-only, most likely during a failover", failure);
        }
        if (isNoAnswer(failure)) {
            return new StoreUnavailableException("the database stopped answering, so its connection was given up", failure);
        }
        if (sql != null && isUnavailable(sql)) {
            return new StoreUnavailableException("the database is unavailable", failure);
        }
        if (failure instanceof IntegrityConstraintViolationException && isUniqueViolation(sql)) {
            return new ConflictException("a resource with the same unique value already exists");
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new DataAccessException("database access failed", failure);
    }

    /**
     * True when the connection itself broke (SQLState class 08, or the server ended the session),
     * as opposed to the pool being exhausted or the statement being refused.
     */
    public static boolean isConnectionLost(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null || sql instanceof SQLTransientConnectionException || sql instanceof SQLiteException) {
            return false;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02"));
    }

    /**
     * True when the server stopped answering on a connection that stayed open: the connection was
     * given up at the read bound ({@link ReadWatchdog}) or a socket timeout (a black-holed network,
     * a frozen server). Unlike a connection that died at once, running the work again would only
     * wait as long once more.
     */
    public static boolean isNoAnswer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoAnswerException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a read on a standby failed in a way the primary will not repeat: a recovery
     * conflict, a lost or refused connection, or no standby connection free in time.
     */
    public static boolean isStandbyFailure(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return false;
        }
        String state = sql.getSQLState();
        return sql instanceof SQLTransientConnectionException || RECOVERY_CONFLICT.equals(state)
                || state != null && (state.startsWith("08") || STANDBY_GONE_STATES.contains(state));
    }

    /**
     * True when the pool could not hand out a connection because new ones cannot be opened
     * (HikariCP's timeout carries the last connect failure as its cause), as opposed to every
     * connection simply being busy.
     */
    public static boolean isConnectFailure(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql instanceof SQLTransientConnectionException && sql.getCause() != null;
    }

    public static boolean isUniqueViolation(SQLException sql) {
        if (sql == null) {
            return false;
        }
        if (sql instanceof SQLiteException sqlite) {
            // SQLite reports SQLState 00000 for every constraint; its result code tells them apart.
            return sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    private static boolean isUnavailable(SQLException sql) {
        if (sql instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            return code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT || code == SQLiteErrorCode.SQLITE_CANTOPEN
                    || code == SQLiteErrorCode.SQLITE_INTERRUPT;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    public static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}

package dev.dbref.persistence.routing;

import dev.dbref.persistence.connection.ConnectionFailures;
import dev.dbref.persistence.unitofwork.AfterCommit;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Read-your-writes across a primary and its standbys: after each commit of a write it tells the
 * request where the primary's log stands (its {@code Consistency-Token}), which the request's later
 * reads must see ({@link RoutingUnitOfWork}). The request itself is the web adapter's: this
 * class keeps no state of its own, so nothing outlives the request.
 */
public final class ReadYourWrites implements AfterCommit {
    private static final Logger LOG = System.getLogger(ReadYourWrites.class.getName());

    private final RequestScope requests;
    private final boolean standbysServeReads;

    private ReadYourWrites(RequestScope requests, boolean standbysServeReads) {
        this.requests = requests;
        this.standbysServeReads = standbysServeReads;
    }

    /** Every read sees every committed write: each write names {@link CommitPosition#NONE}. */
    public static ReadYourWrites withoutStandbys(RequestScope requests) {
        return new ReadYourWrites(requests, false);
    }

    /** Writes name the primary's log position after their commit, one small statement each. */
    public static ReadYourWrites overStandbys(RequestScope requests) {
        return new ReadYourWrites(requests, true);
    }

    /** Right after a write committed on {@code connection}, still borrowed. */
    @Override
    public void committed(Connection connection) {
        Optional<RequestScope.DeclaredRequest> request = requests.current();
        if (request.isPresent()) {
            request.get().committed(standbysServeReads ? positionAfterCommit(connection) : CommitPosition.NONE);
        }
    }

    private static CommitPosition positionAfterCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
                rs.next();
                return CommitPosition.fromPgLsn(rs.getString(1));
            }
        } catch (SQLException e) {
            // The write is committed: answer it as such, with a token that asks for no standby.
            LOG.log(Level.WARNING, "committed, but the log position could not be read: " + ConnectionFailures.describe(e));
            return CommitPosition.NONE;
        }
    }
}

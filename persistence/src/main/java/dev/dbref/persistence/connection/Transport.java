package dev.dbref.persistence.connection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** How this process's connection reaches its database: what {@code check} prints and {@code serve} warns about. */
public sealed interface Transport {
    /** One line for people. */
    String describe();

    /**
     * What {@code serve} warns at start: a connection in clear text to another machine, where
     * anyone on the path reads the password's exchange and every row. None on this machine.
     */
    default Optional<String> warningFor(DatabaseUrl url) {
        if (this instanceof Clear && !url.staysOnThisMachine()) {
            return Optional.of("the connection to the database server is not encrypted; add sslmode=verify-full and "
                    + "sslrootcert=<the server's CA certificate> to the URL");
        }
        return Optional.empty();
    }

    /** SQLite: the database is a file this process opens; nothing travels over a network. */
    record InProcess() implements Transport {
        @Override
        public String describe() {
            return "in process (a SQLite file: no network)";
        }
    }

    /** A PostgreSQL connection in clear text: passwords and rows cross the network readable. */
    record Clear() implements Transport {
        @Override
        public String describe() {
            return "not encrypted";
        }
    }

    /** A PostgreSQL connection over TLS, with the protocol and cipher the server reports. */
    record Tls(String protocol, String cipher) implements Transport {
        @Override
        public String describe() {
            return "encrypted, " + protocol + " with " + cipher;
        }
    }

    /** What the server says of {@code connection} ({@code pg_stat_ssl} on PostgreSQL). */
    static Transport of(Connection connection, Dialect dialect) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return new InProcess();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT ssl, version, cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            if (rs.next() && rs.getBoolean(1)) {
                return new Tls(rs.getString(2), rs.getString(3));
            }
            return new Clear();
        }
    }
}

package dev.dbref.persistence.connection;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What {@code pg_stat_activity.application_name} shows for this instance's connections, so that an
 * operator can tell instances apart: {@code dbref/<host name>/<pid>} unless
 * {@code DB_APPLICATION_NAME} says otherwise, with {@code /replica} for the standbys' pool and
 * {@code /migrate} for Flyway's connections. PostgreSQL keeps 63 bytes of it.
 */
public record ApplicationName(String value) {
    private static final int KEPT = 63;

    public ApplicationName {
        if (value.isBlank()) {
            throw new IllegalArgumentException("DB_APPLICATION_NAME must not be blank");
        }
    }

    /** {@code dbref/<host name>/<pid>} of this process. */
    public static ApplicationName ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return new ApplicationName("dbref/" + host + "/" + ProcessHandle.current().pid());
    }

    /** The name a pool or use adds its part to, cut to what PostgreSQL keeps. */
    public String withPart(String part) {
        String full = part.isEmpty() ? value : value + "/" + part;
        // Cut the front, not the end: the pid and the part tell instances and pools apart.
        return full.length() <= KEPT ? full : full.substring(full.length() - KEPT);
    }
}

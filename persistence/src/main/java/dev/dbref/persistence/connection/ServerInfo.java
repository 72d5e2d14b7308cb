package dev.dbref.persistence.connection;

import java.time.Duration;

/**
 * What {@code check} reports about the database: which one, which version, how far away, and
 * whether the way there is encrypted.
 *
 * @param roundTrip the time of one {@code SELECT 1} on an open connection
 */
public record ServerInfo(Dialect dialect, String serverVersion, Duration roundTrip, Transport transport) {
}

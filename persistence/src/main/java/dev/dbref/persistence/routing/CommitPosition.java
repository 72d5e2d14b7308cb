package dev.dbref.persistence.routing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How far the primary's write-ahead log had come when a write committed: a standby that has
 * replayed up to here sees that write. {@link #NONE} where no standby serves reads (SQLite, or
 * PostgreSQL without {@code DATABASE_READ_URL}): every read then sees every committed write.
 *
 * <p>Clients carry it as the opaque {@code Consistency-Token} {@code v1.<16 hex digits>}.
 *
 * @param lsn the WAL position as PostgreSQL's 64-bit {@code pg_lsn}
 */
public record CommitPosition(long lsn) {
    public static final CommitPosition NONE = new CommitPosition(0);
    private static final Pattern TOKEN = Pattern.compile("v1\\.[0-9a-f]{16}");

    /** The position in a token a client sent back; empty when it is not one of ours. */
    public static Optional<CommitPosition> fromToken(String token) {
        String value = token.strip().toLowerCase(Locale.ROOT);
        if (!TOKEN.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(new CommitPosition(Long.parseUnsignedLong(value.substring(3), 16)));
    }

    public String token() {
        return String.format(Locale.ROOT, "v1.%016x", lsn);
    }

    /** PostgreSQL's text form, {@code 16/B374D848}. */
    String pgLsn() {
        return Long.toHexString(lsn >>> 32).toUpperCase(Locale.ROOT) + "/" + Long.toHexString(lsn & 0xffffffffL).toUpperCase(Locale.ROOT);
    }

    static CommitPosition fromPgLsn(String text) {
        int slash = text.indexOf('/');
        return new CommitPosition((Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16));
    }

    boolean isNone() {
        return lsn == 0;
    }
}

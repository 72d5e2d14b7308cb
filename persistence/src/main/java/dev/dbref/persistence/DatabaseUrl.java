package dev.dbref.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed {@code DATABASE_URL}: which database, the JDBC URL without credentials, and the
 * credentials apart, so that the URL can be logged and the password never is.
 *
 * <p>Accepted forms: {@code sqlite:<path>}, {@code sqlite::memory:}, {@code sqlite:///<path>},
 * {@code postgresql://user:pass@host:5432/db} (also {@code postgres://},
 * {@code postgresql+psycopg2://}, {@code postgresql+asyncpg://}), {@code jdbc:sqlite:...} and
 * {@code jdbc:postgresql:...}.
 */
public final class DatabaseUrl {
    static final String SUPPORTED = "sqlite:<path>, sqlite::memory:, sqlite:///<path>, "
            + "postgresql://user:pass@host:port/db (or postgres://), jdbc:sqlite:..., jdbc:postgresql:...";

    private final Dialect dialect;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final boolean inMemory;

    private DatabaseUrl(Dialect dialect, String jdbcUrl, String user, String password, boolean inMemory) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.inMemory = inMemory;
    }

    /**
     * @throws IllegalArgumentException with a message that names the supported forms and never
     *                                  repeats the given URL (it may hold a password)
     */
    public static DatabaseUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        String value = url.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return sqlite(value.substring("jdbc:sqlite:".length()));
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(Dialect.POSTGRESQL, value, null, null, false);
        }
        if (lower.startsWith("sqlite:")) {
            return sqlite(sqlitePath(value.substring("sqlite:".length())));
        }
        int schemeEnd = lower.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : lower.substring(0, schemeEnd);
        if (scheme.equals("postgresql") || scheme.equals("postgres") || scheme.startsWith("postgresql+")) {
            return postgresql(value.substring(schemeEnd + 3));
        }
        throw new IllegalArgumentException("unsupported DATABASE_URL"
                + (scheme.isEmpty() ? "" : " scheme '" + scheme + "'") + "; supported: " + SUPPORTED);
    }

    /** {@code sqlite:///./app.db} (SQLAlchemy style, three slashes then the path) or {@code sqlite:./app.db}. */
    private static String sqlitePath(String rest) {
        if (rest.startsWith("///")) {
            return rest.substring(3);
        }
        if (rest.equals("//") || rest.isEmpty()) {
            return ":memory:";
        }
        return rest;
    }

    private static DatabaseUrl sqlite(String path) {
        if (path.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL names no SQLite file; supported: " + SUPPORTED);
        }
        boolean memory = path.equals(":memory:") || path.contains("mode=memory");
        return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:" + path, null, null, memory);
    }

    private static DatabaseUrl postgresql(String authorityAndPath) {
        URI uri;
        try {
            uri = new URI("postgresql://" + authorityAndPath);
        } catch (URISyntaxException e) {
            // The reason is not repeated: it quotes the input, password included.
            throw new IllegalArgumentException("DATABASE_URL is not a valid postgresql:// URL; supported: " + SUPPORTED);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL names no PostgreSQL host; supported: " + SUPPORTED);
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "" : uri.getRawPath().substring(1);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseUrl(Dialect.POSTGRESQL, jdbc, user, password, false);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL without credentials (they are passed to the driver apart). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** True for an in-memory SQLite database, which lives only as long as its one connection. */
    public boolean inMemory() {
        return inMemory;
    }

    /** Safe to log: never contains the password, not even one given as a JDBC URL parameter. */
    @Override
    public String toString() {
        String redacted = jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
        return (user == null ? "" : user + "@") + redacted;
    }
}

package dev.dbref.persistence.connection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A parsed {@code DATABASE_URL}: which database, the JDBC URL without credentials, and the
 * credentials apart, so that the URL can be logged and the password never is.
 *
 * <p>Accepted forms: {@code sqlite:<path>}, {@code sqlite::memory:}, {@code sqlite:///<path>},
 * {@code postgresql://user:pass@host:5432/db} (also {@code postgres://},
 * {@code postgresql+psycopg2://}, {@code postgresql+asyncpg://}), several hosts
 * ({@code postgresql://user:pass@h1:5432,h2:5433/db}), {@code jdbc:sqlite:...} and
 * {@code jdbc:postgresql:...}. User and password are percent-decoded as a URI's are, the way
 * libpq reads them: {@code +} stays a plus. {@code pgbouncer=true} in the query marks a
 * transaction pooler between us and PostgreSQL (see {@link #behindTransactionPooler()}).
 */
public final class DatabaseUrl {
    static final String SUPPORTED = "sqlite:<path>, sqlite::memory:, sqlite:///<path>, "
            + "postgresql://user:pass@host:port/db (or postgres://, or host1:port1,host2:port2), "
            + "jdbc:sqlite:..., jdbc:postgresql:...";
    private static final String PGBOUNCER = "pgbouncer";
    private static final String TARGET_SERVER_TYPE = "targetServerType";

    /** libpq's {@code sslmode} values, all of which pgjdbc takes with the same meaning. */
    private static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final String SSL_MODE = "sslmode";

    private final Dialect dialect;
    private final String jdbcUrl;
    private final Optional<String> user;
    private final Secret password;
    private final Reach reach;

    /**
     * Where the URL leads, parsed once.
     *
     * @param hosts {@code host[:port]} as written; empty for SQLite
     */
    private record Reach(List<String> hosts, boolean inMemory, boolean transactionPooler) {
    }

    private DatabaseUrl(Dialect dialect, String jdbcUrl, Optional<String> user, Secret password, Reach reach) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.reach = reach;
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
            return new DatabaseUrl(Dialect.POSTGRESQL, value, Optional.empty(), Secret.NONE,
                    new Reach(jdbcHosts(value.substring("jdbc:postgresql:".length())), false, false));
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
        return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:" + path, Optional.empty(), Secret.NONE,
                new Reach(List.of(), memory, false));
    }

    /** {@code user:pass@host1:port1,host2:port2/db?params}, split by hand: {@code java.net.URI} takes one host only. */
    private static DatabaseUrl postgresql(String rest) {
        int pathStart = indexOfAny(rest, "/?#");
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String tail = pathStart < 0 ? "" : rest.substring(pathStart);
        int at = authority.lastIndexOf('@');
        Optional<String> user = Optional.empty();
        Secret password = Secret.NONE;
        if (at >= 0) {
            String[] parts = authority.substring(0, at).split(":", 2);
            user = Optional.of(decode(parts[0])).filter(u -> !u.isEmpty());
            password = parts.length > 1 ? new Secret.Text(decode(parts[1])) : Secret.NONE;
        }
        List<String> hosts = hosts(authority.substring(at + 1));
        int fragment = tail.indexOf('#');
        if (fragment >= 0) {
            tail = tail.substring(0, fragment);
        }
        int queryStart = tail.indexOf('?');
        String path = queryStart < 0 ? tail : tail.substring(0, queryStart);
        String database = path.length() <= 1 ? "" : decode(path.substring(1));
        if (database.contains("/")) {
            throw new IllegalArgumentException("DATABASE_URL has a malformed database name; supported: " + SUPPORTED);
        }
        Map<String, String> query = query(queryStart < 0 ? "" : tail.substring(queryStart + 1));
        boolean pooler = "true".equalsIgnoreCase(query.remove(PGBOUNCER));
        String sslMode = query.get(SSL_MODE);
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException("DATABASE_URL has an unknown sslmode; libpq's values are "
                    + String.join(", ", SSL_MODES));
        }
        if ("require".equals(sslMode) && query.containsKey("sslrootcert")) {
            // libpq's meaning: "require" with a root certificate verifies that the server's is signed by it.
            query.put(SSL_MODE, "verify-ca");
        }
        if (pooler) {
            // PgBouncer in transaction mode hands each transaction to any server connection: no
            // server-side prepared statements, which would outlive the transaction (also for Flyway and check).
            query.putIfAbsent("prepareThreshold", "0");
        }
        if (hosts.size() > 1) {
            // Several hosts: connect to whichever is the primary now, and after a failover to the
            // new one; the driver looks at a host it found unsuitable again after 2 s, not 10.
            query.putIfAbsent(TARGET_SERVER_TYPE, "primary");
            query.putIfAbsent("hostRecheckSeconds", "2");
        }
        String jdbc = "jdbc:postgresql://" + String.join(",", hosts) + "/" + database + queryString(query);
        return new DatabaseUrl(Dialect.POSTGRESQL, jdbc, user, password, new Reach(hosts, false, pooler));
    }

    /** The hosts of a JDBC URL's {@code //h1:p1,h2:p2/db...}; none for the host-less {@code jdbc:postgresql:db}. */
    private static List<String> jdbcHosts(String rest) {
        if (!rest.startsWith("//")) {
            return List.of();
        }
        String authority = rest.substring(2);
        int end = indexOfAny(authority, "/?");
        return List.of((end < 0 ? authority : authority.substring(0, end)).split(","));
    }

    private static List<String> hosts(String list) {
        List<String> hosts = new ArrayList<>();
        for (String host : list.split(",", -1)) {
            String h = host.strip();
            boolean valid = !h.isEmpty() && h.matches("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(:\\d{1,5})?");
            if (!valid) {
                throw new IllegalArgumentException(list.isBlank()
                        ? "DATABASE_URL names no PostgreSQL host; supported: " + SUPPORTED
                        : "DATABASE_URL has a malformed host list; supported: " + SUPPORTED);
            }
            hosts.add(h);
        }
        return hosts;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return parameters;
    }

    private static String queryString(Map<String, String> parameters) {
        return parameters.isEmpty() ? "" : parameters.entrySet().stream()
                .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&", "?", ""));
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Percent-decoding as a URI does: unlike a form decoder, {@code +} stays a plus ({@code p+ss} is
     * the password libpq and SQLAlchemy send). The message never repeats the text (it may be a password).
     */
    static String decode(String value) {
        byte[] out = new byte[value.length() * 4];
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("DATABASE_URL has a '%' that is not followed by two hex digits");
                }
                out[n++] = (byte) Integer.parseInt(value.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    utf8 = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                System.arraycopy(utf8, 0, out, n, utf8.length);
                n += utf8.length;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL without credentials (they are passed to the driver apart), without {@code pgbouncer}. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Optional<String> user() {
        return user;
    }

    /** The password as it is now: a password file is read again on every call (see {@link Secret.File}). */
    public Optional<String> password() {
        return password.value();
    }

    /**
     * This URL with a password from elsewhere ({@code DATABASE_PASSWORD[_FILE]} and the like),
     * unless the URL carries one itself: a password written in a URL is used for that URL.
     */
    public DatabaseUrl withPasswordUnlessGiven(Secret secret) {
        return password.isGiven() ? this : new DatabaseUrl(dialect, jdbcUrl, user, secret, reach);
    }

    /** This URL as another user, with that user's password; for the owner who migrates ({@code MIGRATION_DATABASE_USER}). */
    public DatabaseUrl asUser(String name, Secret secret) {
        return new DatabaseUrl(dialect, jdbcUrl, Optional.of(name), secret, reach);
    }

    /** User and password as driver properties (empty when the URL has none). */
    public Properties credentials() {
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.value().ifPresent(p -> properties.setProperty("password", p));
        return properties;
    }

    /** True for an in-memory SQLite database, which lives only as long as its one connection. */
    public boolean inMemory() {
        return reach.inMemory();
    }

    /**
     * True when the URL says {@code pgbouncer=true}: a transaction pooler hands each transaction to
     * any server connection, so nothing may outlive a transaction (prepared statements, session settings).
     */
    public boolean behindTransactionPooler() {
        return reach.transactionPooler();
    }

    /**
     * The same URL for a pool of reads over hot standbys: connections spread over the hosts
     * ({@code loadBalanceHosts}), standbys preferred. What the URL itself says wins.
     */
    public DatabaseUrl forStandbys() {
        if (dialect != Dialect.POSTGRESQL || jdbcUrl.contains(TARGET_SERVER_TYPE + "=preferSecondary")) {
            return this;
        }
        String url = jdbcUrl.replace(TARGET_SERVER_TYPE + "=primary", TARGET_SERVER_TYPE + "=preferSecondary");
        if (!url.contains(TARGET_SERVER_TYPE + "=")) {
            url += (url.contains("?") ? "&" : "?") + TARGET_SERVER_TYPE + "=preferSecondary";
        }
        if (hostCount() > 1 && !url.contains("loadBalanceHosts=")) {
            url += "&loadBalanceHosts=true";
        }
        return new DatabaseUrl(dialect, url, user, password, reach);
    }

    /** The same URL with one more JDBC parameter, its value percent-encoded; one the URL sets itself wins. */
    public DatabaseUrl withJdbcParameter(String name, String value) {
        if (jdbcUrl.contains("?" + name + "=") || jdbcUrl.contains("&" + name + "=")) {
            return this;
        }
        String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + name + "="
                + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return new DatabaseUrl(dialect, url, user, password, reach);
    }

    /** How many hosts the URL names (several: the driver picks the one that fits). */
    public int hostCount() {
        return Math.max(1, reach.hosts().size());
    }

    /**
     * True when nothing crosses a network to reach the database: SQLite, or PostgreSQL hosts that
     * are all this machine ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}).
     */
    public boolean staysOnThisMachine() {
        if (dialect == Dialect.SQLITE) {
            return true;
        }
        return !reach.hosts().isEmpty() && reach.hosts().stream().map(DatabaseUrl::hostName).allMatch(
                host -> host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    private static String hostName(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return colon > hostAndPort.lastIndexOf(']') ? hostAndPort.substring(0, colon) : hostAndPort;
    }

    /** The file of a SQLite database given by path; empty for in-memory and {@code file:} URI forms. */
    public Optional<Path> sqliteFile() {
        if (dialect != Dialect.SQLITE || reach.inMemory()) {
            return Optional.empty();
        }
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        if (path.startsWith("file:") || path.contains("?")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path));
    }

    /** Safe to log: never contains the password, not even one given as a JDBC URL parameter. */
    @Override
    public String toString() {
        String redacted = jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
        return user.map(u -> u + "@").orElse("") + redacted;
    }
}

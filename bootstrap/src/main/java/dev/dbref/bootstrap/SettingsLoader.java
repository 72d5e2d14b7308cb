package dev.dbref.bootstrap;

import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.Dialect;
import dev.dbref.persistence.migration.RuntimeRole;
import dev.dbref.persistence.connection.Secret;
import dev.dbref.persistence.connection.ApplicationName;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.routing.ReplicaSettings;
import dev.dbref.persistence.diagnostics.SqlEcho;
import dev.dbref.web.Api;
import dev.dbref.web.auth.Admission;
import dev.dbref.web.auth.Authenticator;
import dev.dbref.web.auth.ClientAddress;
import dev.dbref.web.auth.JwksLocation;
import dev.dbref.web.auth.JwtAuthenticator;
import dev.dbref.web.auth.JwtSettings;
import dev.dbref.web.auth.RateLimit;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code application.yaml} (key {@code app.x-y}) and lets the environment variable
 * {@code X_Y} override each key. Explicit names rather than Helidon's automatic environment
 * mapping, so that the configuration table in the README is the whole truth.
 */
final class SettingsLoader {
    private final Config yaml;
    private final Map<String, String> env;

    private SettingsLoader(Config yaml, Map<String, String> env) {
        this.yaml = yaml;
        this.env = env;
    }

    static Settings load(Map<String, String> env) {
        Config yaml = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.classpath("application.yaml"))
                .build();
        return new SettingsLoader(yaml, env).settings();
    }

    private Settings settings() {
        String poolSize = text("DB_POOL_SIZE");
        String name = text("DB_APPLICATION_NAME");
        PoolSettings pool = new PoolSettings(
                poolSize.isBlank() ? null : integer("DB_POOL_SIZE", poolSize),
                duration("DB_POOL_TIMEOUT"),
                duration("DB_POOL_RECYCLE"),
                duration("DB_STATEMENT_TIMEOUT"),
                name.isBlank() ? ApplicationName.ofThisProcess() : new ApplicationName(name));
        SqlEcho echo = new SqlEcho(bool("DB_ECHO"), bool("DB_HIDE_PARAMETERS"), duration("DB_SLOW_STATEMENT"));
        int port = integer("PORT", text("PORT"));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PORT must be between 0 and 65535, was " + port);
        }
        DatabaseUrl written = DatabaseUrl.parse(text("DATABASE_URL"));
        Secret password = secret("DATABASE_PASSWORD");
        DatabaseUrl databaseUrl = written.withPasswordUnlessGiven(password);
        Settings.DatabaseSettings database = new Settings.DatabaseSettings(databaseUrl,
                migrationUrl(written, password), pool, replicas(password),
                new Settings.Migrating(bool("MIGRATE_ON_START"), duration("MIGRATION_LOCK_WAIT"), runtimeRole(databaseUrl)));
        Secret adminToken = secret("ADMIN_TOKEN");
        Authenticator callers = authentication();
        Settings.ServerSettings server = new Settings.ServerSettings(
                ListenAddress.checked(text("HOST"), env.getOrDefault("AUTH_MODE", ""), callers != Authenticator.OFF).host(), port,
                integer("MAX_CONCURRENT_REQUESTS", text("MAX_CONCURRENT_REQUESTS")), duration("IDLE_CONNECTION_TIMEOUT"),
                new Settings.Shutdown(duration("SHUTDOWN_GRACE"), duration("SHUTDOWN_DRAIN")));
        Api.Options api = new Api.Options(new Api.DebugAccess(bool("DEBUG_ENDPOINTS"), adminToken::value),
                new Api.Bodies(bodyBudget(), pool.timeout(), duration("REQUEST_BODY_TIMEOUT")),
                bool("REQUEST_LOG"), text("CURSOR_SECRET"), new Admission(callers, rateLimit(),
                        ClientAddress.trusting(text("TRUSTED_PROXIES"))));
        return new Settings(database, server, api, new Settings.Logging(echo, bool("DB_ECHO_POOL")),
                positive("IDEMPOTENCY_TTL"));
    }

    /** {@code RATE_LIMIT}: empty or {@code off} means none. */
    private Optional<RateLimit> rateLimit() {
        String limit = text("RATE_LIMIT");
        return limit.isEmpty() || limit.equalsIgnoreCase("off") ? Optional.empty() : Optional.of(RateLimit.parse(limit));
    }

    /** Bearer tokens when a JWKS is named ({@code AUTH_JWKS_URL} or {@code AUTH_JWKS_FILE}), else off. */
    private Authenticator authentication() {
        String url = text("AUTH_JWKS_URL");
        String file = text("AUTH_JWKS_FILE");
        if (!url.isEmpty() && !file.isEmpty()) {
            throw new IllegalArgumentException("set AUTH_JWKS_URL or AUTH_JWKS_FILE, not both");
        }
        if (url.isEmpty() && file.isEmpty()) {
            return Authenticator.OFF;
        }
        JwksLocation keys;
        if (url.isEmpty()) {
            keys = new JwksLocation.File(Path.of(file));
        } else if (url.startsWith("https://") || url.startsWith("http://")) {
            keys = new JwksLocation.Url(java.net.URI.create(url));
        } else {
            throw new IllegalArgumentException("AUTH_JWKS_URL must be an https:// or http:// URL");
        }
        return new JwtAuthenticator(new JwtSettings(keys, text("AUTH_ISSUER"), text("AUTH_AUDIENCE")));
    }

    private java.time.Duration positive(String name) {
        java.time.Duration value = duration(name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + text(name));
        }
        return value;
    }

    /**
     * Where migrations run: {@code MIGRATION_DATABASE_URL}, else the database URL as
     * {@code MIGRATION_DATABASE_USER} when set, else the database URL itself. A migration password
     * ({@code MIGRATION_DATABASE_PASSWORD[_FILE]}) applies where that URL has none; without one, the
     * database's password does, for the same user.
     */
    private DatabaseUrl migrationUrl(DatabaseUrl written, Secret databasePassword) {
        Secret password = secret("MIGRATION_DATABASE_PASSWORD");
        String url = text("MIGRATION_DATABASE_URL");
        String user = env.getOrDefault("MIGRATION_DATABASE_USER", "").strip();
        if (!url.isBlank()) {
            return DatabaseUrl.parse(url).withPasswordUnlessGiven(password.or(databasePassword));
        }
        if (!user.isEmpty()) {
            return written.asUser(user, password);
        }
        return written.withPasswordUnlessGiven(databasePassword);
    }

    /** {@code DB_APP_ROLE}: the role {@code migrate} grants the service's rights; PostgreSQL only. */
    private Optional<RuntimeRole> runtimeRole(DatabaseUrl databaseUrl) {
        String role = env.getOrDefault("DB_APP_ROLE", "").strip();
        if (role.isEmpty()) {
            return Optional.empty();
        }
        if (databaseUrl.dialect() == Dialect.SQLITE) {
            throw new IllegalArgumentException("DB_APP_ROLE is for PostgreSQL; SQLite has no roles (its file is owner-only)");
        }
        return Optional.of(new RuntimeRole(role));
    }

    /**
     * A secret from {@code NAME} or from the file {@code NAME_FILE} names (the convention of the
     * official PostgreSQL image), not both. A file is checked now, so that one that cannot be read
     * stops the start with its name; it is read again whenever the secret is needed.
     */
    private Secret secret(String name) {
        String text = env.getOrDefault(name, "");
        String file = env.getOrDefault(name + "_FILE", "").strip();
        if (!text.isEmpty() && !file.isEmpty()) {
            throw new IllegalArgumentException("set " + name + " or " + name + "_FILE, not both");
        }
        if (!file.isEmpty()) {
            Secret.File secret = new Secret.File(name + "_FILE", Path.of(file));
            try {
                secret.value();
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            return secret;
        }
        return text.isEmpty() ? Secret.NONE : new Secret.Text(text);
    }

    /**
     * {@code DATABASE_READ_URL} and the settings of its pool; empty when no standby is named. Its
     * password: {@code DATABASE_READ_PASSWORD[_FILE]}, else the database's.
     */
    private Optional<ReplicaSettings> replicas(Secret databasePassword) {
        String url = text("DATABASE_READ_URL");
        if (url.isBlank()) {
            return Optional.empty();
        }
        Secret readPassword = secret("DATABASE_READ_PASSWORD");
        String size = text("DB_READ_POOL_SIZE");
        return Optional.of(new ReplicaSettings(
                DatabaseUrl.parse(url).withPasswordUnlessGiven(readPassword.or(databasePassword)),
                size.isBlank() ? Optional.empty() : Optional.of(integer("DB_READ_POOL_SIZE", size)),
                duration("DB_REPLICA_MAX_LAG"), duration("DB_READ_YOUR_WRITES_WAIT")));
    }

    /** Empty: sized from this JVM's heap; else a number of MiB, at least 1 (the largest body allowed). */
    private long bodyBudget() {
        String mib = text("REQUEST_BODY_BUDGET_MB");
        if (mib.isBlank()) {
            return Api.bodyBudgetFor(Runtime.getRuntime().maxMemory());
        }
        int value = integer("REQUEST_BODY_BUDGET_MB", mib);
        if (value < 1) {
            throw new IllegalArgumentException("REQUEST_BODY_BUDGET_MB must be at least 1, was " + value);
        }
        return value * 1024L * 1024L;
    }

    /** The environment variable if set, else {@code app.<name in kebab case>} from the YAML file. */
    private String text(String envName) {
        String fromEnv = env.get(envName);
        if (fromEnv != null) {
            return fromEnv.strip();
        }
        String key = "app." + envName.toLowerCase(Locale.ROOT).replace('_', '-');
        return yaml.get(key).asString().orElseThrow(() -> new IllegalStateException("application.yaml lacks " + key));
    }

    private boolean bool(String name) {
        String value = text(name).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        };
    }

    private java.time.Duration duration(String name) {
        return Durations.parse(name, text(name));
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, was '" + value + "'");
        }
    }
}

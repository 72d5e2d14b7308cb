package dev.dbref.bootstrap;

import dev.dbref.domain.port.UnitOfWork;
import dev.dbref.domain.usecase.ProductUseCases;
import dev.dbref.domain.usecase.PostUseCases;
import dev.dbref.domain.usecase.SafeRetries;
import dev.dbref.domain.usecase.UserUseCases;
import dev.dbref.persistence.connection.ConnectionBudget;
import dev.dbref.persistence.Database;
import dev.dbref.persistence.connection.Dialect;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.ServerCheck;
import dev.dbref.web.Api;
import dev.dbref.web.request.BodyDeadline;
import dev.dbref.web.observe.DatabaseProbe;
import dev.dbref.web.request.Draining;
import io.helidon.common.mapper.MapperManager;
import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.WebServer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The wired service, read top to bottom: configuration, then the pool, then the unit of work,
 * then the use cases, then the routes and the server. Stopping reverses it: the server stops
 * taking requests and finishes those in flight, then the pool closes.
 */
final class Application implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Application.class.getName());
    /** How often idle HTTP connections are looked for (Helidon's default is every 2 minutes). */
    private static final Duration IDLE_CHECK_PERIOD = Duration.ofSeconds(10);

    private final WebServer server;
    private final List<String> routes;
    private final Draining draining;
    private final Duration drain;
    private final Parts parts;

    /** What the server needs while it runs, closed after it stops, in this order. */
    private record Parts(BodyDeadline deadline, Housekeeping housekeeping, Database database, Metrics metrics) {
    }

    private Application(WebServer server, List<String> routes, Draining draining, Duration drain, Parts parts) {
        this.server = server;
        this.routes = routes;
        this.draining = draining;
        this.drain = drain;
        this.parts = parts;
    }

    /** Held so the level set for DB_ECHO_POOL is not lost when the logger is garbage-collected. */
    private static final java.util.logging.Logger HIKARI_POOL_LOG =
            java.util.logging.Logger.getLogger("com.zaxxer.hikari.pool.HikariPool");

    private static final AtomicBoolean MAPPERS_PINNED = new AtomicBoolean();

    /**
     * Helidon 4.4 looks its global mapper manager up in the service registry on every typed header
     * read (Content-Length of every request with a body) unless one was set: measured with JFR at
     * 40% of the CPU of a POST. Setting it once, before first use, makes that a field read.
     * {@code MapperManager.global} is marked for removal in 4.4, yet the registry look-up that
     * replaces it is the cost: a deliberate use, to measure again on each Helidon upgrade.
     */
    @SuppressWarnings("removal")
    static void pinGlobalMappers() {
        if (MAPPERS_PINNED.compareAndSet(false, true)) {
            MapperManager.global(MapperManager.create());
        }
    }

    static Application start(Settings settings) {
        if (settings.logging().echoPool()) {
            // HikariCP logs connects and closes at debug level; checkouts and checkins are ours.
            HIKARI_POOL_LOG.setLevel(java.util.logging.Level.FINE);
        }
        DatabaseUrl url = settings.database().url();
        RequestStatements statements = new RequestStatements();
        ServerCheck.reach(url).transport().warningFor(url).ifPresent(warning -> LOG.log(Level.WARNING, warning));
        // Before the pool opens: its own connections would count as taken.
        warnWhenThePoolTakesMostOfTheServer(url, settings);
        Metrics metrics = new Metrics();
        RequestConsistency requests = new RequestConsistency();
        Database.Options options = new Database.Options(
                new Database.Observation(statements, settings.logging().sqlEcho(), settings.logging().echoPool(),
                        Optional.of(metrics.registry())),
                Optional.empty(), settings.database().replicas(), requests);
        Database database = Database.open(url, settings.pool(), settings.database().migrating().onStart()
                ? options.migratingFirst(settings.migration())
                : options);
        try {
            database.migration().ifPresent(report -> LOG.log(Level.INFO,
                    "schema at version " + report.schemaVersion() + " (" + report.applied() + " applied now)"));
            // After migrating: on an empty database the role owns nothing yet.
            ServerCheck.role(url).warning().ifPresent(warning -> LOG.log(Level.WARNING, warning));
            UnitOfWork unitOfWork = database.unitOfWork();
            Clock clock = Clock.systemUTC();
            SafeRetries retries = new SafeRetries(unitOfWork, clock, settings.safeRetries());
            ProductUseCases products = ProductUseCases.over(unitOfWork, clock, retries);
            UserUseCases users = UserUseCases.over(unitOfWork, clock, retries);
            PostUseCases posts = PostUseCases.over(unitOfWork, clock, retries);
            DatabaseProbe probe = new DatabaseProbeAdapter(database.diagnostics());
            metrics.statementsOf(database.diagnostics());
            Api.Options api = settings.api();
            if (api.debug().enabled() && api.debug().adminToken().get().filter(token -> !token.isBlank()).isEmpty()) {
                LOG.log(Level.WARNING, "DEBUG_ENDPOINTS is on but ADMIN_TOKEN (or ADMIN_TOKEN_FILE) is empty: /debug/connections refuses everyone");
            }
            List<String> routes = new ArrayList<>();
            Draining draining = new Draining();
            BodyDeadline deadline = BodyDeadline.start();
            WebServer server = WebServer.builder()
                    .host(settings.server().host())
                    .port(settings.server().port())
                    .shutdownHook(false)
                    .shutdownGracePeriod(settings.server().shutdown().grace())
                    .maxPayloadSize(Api.HARD_BODY_LIMIT_BYTES)
                    .maxConcurrentRequests(settings.server().maxConcurrentRequests())
                    .idleConnectionTimeout(settings.server().idleConnectionTimeout())
                    .idleConnectionPeriod(IDLE_CHECK_PERIOD)
                    // Without TCP_NODELAY a response written in two parts waits for the client's
                    // delayed ACK: measured as a flat ~40 ms per multi-kilobyte list response.
                    .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                    .directHandlers(Api.directHandlers())
                    .routing(routing -> routes.addAll(Api.routing(routing, products, users, posts,
                            requests, probe, draining,
                            new Api.Telemetry(metrics, metrics), deadline, api)))
                    .build()
                    .start();
            LOG.log(Level.INFO, "listening on http://" + displayHost(settings.server().host()) + ":" + server.port()
                    + " with database " + database.describe());
            return new Application(server, List.copyOf(routes), draining, settings.server().shutdown().drain(),
                    new Parts(deadline, Housekeeping.start(retries), database, metrics));
        } catch (RuntimeException e) {
            database.close();
            metrics.close();
            throw e;
        }
    }

    /** One warning, never a refusal: the operator may know that other clients are about to leave. */
    private static void warnWhenThePoolTakesMostOfTheServer(DatabaseUrl url, Settings settings) {
        int pool = settings.pool().maxSizeOn(Dialect.POSTGRESQL);
        try {
            ConnectionBudget.of(url).filter(budget -> budget.tight(pool)).ifPresent(budget -> LOG.log(Level.WARNING,
                    "this instance's pool (" + pool + " connections) would take more than half of the " + budget.free()
                            + " connections the server has free (max_connections " + budget.maxConnections() + ", "
                            + budget.reserved() + " reserved, " + budget.inUse() + " in use); "
                            + "lower DB_POOL_SIZE or put PgBouncer in front"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the server's connection budget: " + e.getMessage());
        }
    }

    private static String displayHost(String host) {
        return host.equals("0.0.0.0") ? "localhost" : host;
    }

    int port() {
        return server.port();
    }

    /** The registered operations, e.g. {@code "GET /products/{id}"}. */
    List<String> routes() {
        return routes;
    }

    Database database() {
        return parts.database();
    }

    /**
     * Stops in the order a load balancer needs: readiness turns 503 at once while requests are still
     * served for {@code SHUTDOWN_DRAIN}; then the server stops accepting, finishes what is in
     * flight (up to {@code SHUTDOWN_GRACE}), and only then the pools close.
     */
    @Override
    public void close() {
        draining.start();
        if (!drain.isZero()) {
            LOG.log(Level.INFO, "draining: readiness is 503, requests are served for " + drain.toMillis() + " ms more");
            try {
                Thread.sleep(drain);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop();
        parts.deadline().close();
        parts.housekeeping().close();
        parts.database().close();
        parts.metrics().close();
        LOG.log(Level.INFO, "stopped; connection pool closed");
    }
}

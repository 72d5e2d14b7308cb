package dev.dbref.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code /observe/health} (readiness: the database answers {@code SELECT 1}),
 * {@code /observe/health/live} (liveness: the process serves) and {@code /observe/metrics}.
 */
final class ObserveRoutes {
    static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);
    private static final HttpMediaType PROMETHEUS = HttpMediaType.create("text/plain; version=0.0.4; charset=utf-8");

    private final DatabaseProbe database;
    private final Draining draining;
    private final HttpMetrics metrics;

    ObserveRoutes(DatabaseProbe database, Draining draining, HttpMetrics metrics) {
        this.database = database;
        this.draining = draining;
        this.metrics = metrics;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/observe/health", this::readiness),
                Route.get("/observe/health/live", this::liveness),
                Route.get("/observe/metrics", this::metrics));
    }

    private void readiness(ServerRequest req, ServerResponse res) {
        if (draining.started()) {
            ObjectNode body = Json.object().put("status", "DOWN");
            body.putArray("checks").addObject().put("name", "shutdown").put("status", "DOWN")
                    .putObject("data").put("reason", "the service is shutting down; requests are still served until it stops");
            res.header(HeaderNames.RETRY_AFTER, "1");
            Responses.json(res, Status.SERVICE_UNAVAILABLE_503, body);
            return;
        }
        DatabaseProbe.Readiness readiness = database.ready(READINESS_TIMEOUT);
        boolean up = readiness instanceof DatabaseProbe.Readiness.Up;
        ObjectNode check = Json.object().put("name", "database").put("status", up ? "UP" : "DOWN");
        ObjectNode data = check.putObject("data").put("dialect", database.dialect());
        switch (readiness) {
            case DatabaseProbe.Readiness.Up u -> data.put("latency_ms", Math.round(u.latencyMillis() * 100) / 100.0);
            case DatabaseProbe.Readiness.Down d -> {
                data.put("reason", d.reason());
                res.header(HeaderNames.RETRY_AFTER, "1");
            }
        }
        ObjectNode body = Json.object().put("status", up ? "UP" : "DOWN");
        body.putArray("checks").add(check);
        // Standbys only ever take reads off the primary: without them the service is still ready.
        database.replica().ifPresent(replica -> {
            ObjectNode standby = ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("checks")).addObject()
                    .put("name", "replica").put("status", "UP");
            ObjectNode info = standby.putObject("data").put("in_use", replica.skippedBecause().isEmpty())
                    .put("lag_ms", replica.lagMillis());
            replica.skippedBecause().ifPresent(reason -> info.put("reason", reason + "; reads go to the primary"));
        });
        Responses.json(res, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
    }

    private void liveness(ServerRequest req, ServerResponse res) {
        Responses.json(res, Status.OK_200, Json.object().put("status", "UP"));
    }

    private void metrics(ServerRequest req, ServerResponse res) {
        StringBuilder out = new StringBuilder(8192);
        metrics.render(out);
        DatabaseProbe.PoolFigures pool = database.pool();
        gauge(out, "db_pool_active_connections", "Connections in use.", pool.active());
        gauge(out, "db_pool_idle_connections", "Connections idle in the pool.", pool.idle());
        gauge(out, "db_pool_pending_threads", "Requests waiting for a connection.", pool.pending());
        gauge(out, "db_pool_total_connections", "Connections open, in use or idle.", pool.total());
        gauge(out, "db_pool_max_connections", "The pool's maximum size.", pool.max());
        counter(out, "db_pool_connection_timeouts_total", "Waits for a connection that gave up (each a 503).", pool.timeouts());
        counter(out, "db_pool_connections_acquired_total", "Connections handed out.", pool.acquired());
        counter(out, "db_pool_connection_wait_seconds_total", "Time spent waiting for connections.", pool.acquireSeconds());
        DatabaseProbe.StatementFigures statements = database.statements();
        counter(out, "db_statements_total", "SQL statements executed.", statements.count());
        counter(out, "db_statement_seconds_total", "Time spent executing SQL statements.", statements.seconds());
        res.status(Status.OK_200);
        res.headers().contentType(PROMETHEUS);
        Responses.send(res, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value == Math.rint(value)
                        ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.6f", value)).append('\n');
    }
}

package dev.dbref.web.observe;

import dev.dbref.web.http.Json;
import dev.dbref.web.http.Responses;
import dev.dbref.web.http.Route;
import dev.dbref.web.request.Draining;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@code /observe/health} (readiness: the database answers {@code SELECT 1}),
 * {@code /observe/health/live} (liveness: the process serves) and {@code /observe/metrics}.
 */
public final class ObserveRoutes {
    /** Below the 2 s a readiness answer may take: the check itself, then the response. */
    static final Duration READINESS_TIMEOUT = Duration.ofMillis(1200);
    private static final HttpMediaType PROMETHEUS = HttpMediaType.create("text/plain; version=0.0.4; charset=utf-8");

    private final DatabaseProbe database;
    private final Draining draining;
    private final MetricsText metrics;

    public ObserveRoutes(DatabaseProbe database, Draining draining, MetricsText metrics) {
        this.database = database;
        this.draining = draining;
        this.metrics = metrics;
    }

    public List<Route> routes() {
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
        ArrayNode checks = body.putArray("checks").add(check);
        // Standbys only ever take reads off the primary: without them the service is still ready.
        database.replica().ifPresent(replica -> {
            ObjectNode standby = checks.addObject()
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
        res.status(Status.OK_200);
        res.headers().contentType(PROMETHEUS);
        Responses.send(res, metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }
}

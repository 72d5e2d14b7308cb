package dev.dbref.web.observe;

import dev.dbref.web.http.HttpProblem;
import dev.dbref.web.http.Json;
import dev.dbref.web.http.Responses;
import dev.dbref.web.http.Route;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.Scope;
import dev.dbref.domain.port.StoreUnavailableException;
import dev.dbref.web.auth.Callers;

/**
 * {@code /debug/connections}: pool and server connection figures for an operator holding the
 * admin token. Registered only when debug endpoints are switched on; the token is compared in
 * constant time and never logged.
 */
public final class DebugRoutes {
    private final DatabaseProbe database;
    private final Supplier<Optional<String>> adminToken;

    /**
     * @param adminToken asked on every request (a token file that rotates is read again); empty or
     *                   blank: every request is refused
     */
    public DebugRoutes(DatabaseProbe database, Supplier<Optional<String>> adminToken) {
        this.database = database;
        this.adminToken = adminToken;
    }

    public List<Route> routes() {
        return List.of(Route.get("/debug/connections", this::connections));
    }

    private void connections(ServerRequest req, ServerResponse res) {
        if (!holdsAdminToken(req)) {
            requireAdminScope(req, res);
        }
        ObjectNode body = Json.object();
        figures(body.putObject("pool"), database.pool());
        database.replica().ifPresent(replica -> figures(body.putObject("read_pool"), replica.pool()));
        ObjectNode db = body.putObject("database").put("dialect", database.dialect());
        // The pool's own figures answer whatever the server does; the server's count needs the server.
        try {
            OptionalLong serverConnections = database.serverConnections();
            if (serverConnections.isPresent()) {
                db.put("server_connections", serverConnections.getAsLong());
            } else {
                db.putNull("server_connections");
            }
        } catch (StoreUnavailableException e) {
            db.putNull("server_connections").put("server_connections_unavailable", e.getMessage());
        }
        Responses.json(res, Status.OK_200, body);
    }

    private static void figures(ObjectNode json, DatabaseProbe.PoolFigures pool) {
        json.put("active", pool.active()).put("idle", pool.idle()).put("pending", pool.pending())
                .put("total", pool.total()).put("max", pool.max());
    }

    /**
     * Without the admin token: a verified caller with the {@code admin} scope may look, another
     * verified caller gets 403, and anyone else 401.
     */
    private static void requireAdminScope(ServerRequest req, ServerResponse res) {
        Optional<Caller> caller = Callers.find(req);
        if (caller.orElse(Caller.ANYONE) instanceof Caller.Authenticated authenticated) {
            if (authenticated.isAdmin()) {
                return;
            }
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"" + Scope.ADMIN + "\"");
            throw new HttpProblem(Status.FORBIDDEN_403, "this needs the admin token or the scope " + Scope.ADMIN);
        }
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"dbref\"");
        throw new HttpProblem(Status.UNAUTHORIZED_401, "a valid admin token is required: Authorization: Bearer <token>");
    }

    private boolean holdsAdminToken(ServerRequest req) {
        Optional<String> token = adminToken.get().filter(t -> !t.isBlank());
        if (token.isEmpty()) {
            return false;
        }
        byte[] expected = ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8);
        byte[] given = req.headers().first(HeaderNames.AUTHORIZATION).orElse("").getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }
}

package dev.dbref.web.problem;

import dev.dbref.web.http.HttpProblem;
import dev.dbref.web.request.BodyDeadline;
import dev.dbref.domain.model.ConflictException;
import dev.dbref.domain.model.ForbiddenException;
import dev.dbref.domain.model.IdempotencyKeyReusedException;
import dev.dbref.domain.model.InvalidQueryException;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.StaleVersionException;
import dev.dbref.domain.model.ValidationException;
import dev.dbref.domain.port.StoreUnavailableException;
import io.helidon.http.HttpException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The one place where failures become HTTP statuses. Every error body is problem+json; a 500
 * says only that something broke: its cause is logged, never sent.
 */
public final class ErrorResponses {
    private static final Logger LOG = System.getLogger(ErrorResponses.class.getName());

    private ErrorResponses() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ValidationException.class, (req, res, e) ->
                        send(req, res, new Problem(Status.create(422), e.getMessage(), req.path().absolute().path(), e.errors())))
                .error(InvalidQueryException.class, (req, res, e) -> send(req, res, Status.BAD_REQUEST_400, e.getMessage()))
                .error(NotFoundException.class, (req, res, e) -> send(req, res, Status.NOT_FOUND_404, e.getMessage()))
                .error(ForbiddenException.class, (req, res, e) -> {
                    // RFC 6750 §3.1: a missing scope is named; another caller's row is plainly forbidden.
                    e.missingScope().ifPresent(scope -> res.header(HeaderNames.WWW_AUTHENTICATE,
                            "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\""));
                    send(req, res, Status.FORBIDDEN_403, e.getMessage());
                })
                .error(ConflictException.class, (req, res, e) -> send(req, res, Status.CONFLICT_409, e.getMessage()))
                .error(IdempotencyKeyReusedException.class, (req, res, e) ->
                        send(req, res, Status.create(422), e.getMessage()))
                .error(StaleVersionException.class, (req, res, e) ->
                        send(req, res, Status.PRECONDITION_FAILED_412, e.getMessage()))
                .error(StoreUnavailableException.class, (req, res, e) -> {
                    LOG.log(Level.WARNING, "503 for " + req.prologue().method().text() + " " + req.path().absolute().path()
                            + ": " + e.getMessage());
                    send(req, res, Status.SERVICE_UNAVAILABLE_503, "the database is unavailable: " + e.getMessage()
                            + "; retry later");
                })
                .error(HttpProblem.class, (req, res, e) -> send(req, res, e.status(), e.getMessage()))
                .error(BodyDeadline.BodyTimeoutException.class, (req, res, e) -> {
                    // The connection is closed already: one log line, no answer to send.
                    LOG.log(Level.INFO, "408 for " + req.prologue().method().text() + " " + req.path().absolute().path()
                            + ": " + e.getMessage() + "; connection closed");
                    try {
                        send(req, res, Status.REQUEST_TIMEOUT_408, e.getMessage());
                    } catch (RuntimeException closed) {
                        // expected: the socket is gone
                    }
                })
                .error(HttpException.class, (req, res, e) -> send(req, res, e.status(), helidonDetail(e)))
                .error(Exception.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "500 for " + req.prologue().method().text() + " " + req.path().absolute().path(), e);
                    send(req, res, Status.INTERNAL_SERVER_ERROR_500, "an unexpected error occurred");
                });
    }

    private static String helidonDetail(HttpException e) {
        return e.status().code() == 404 ? "no such resource" : e.status().reasonPhrase();
    }

    private static void send(ServerRequest req, ServerResponse res, Status status, String detail) {
        send(req, res, Problem.of(status, detail, req.path().absolute().path()));
    }

    private static void send(ServerRequest req, ServerResponse res, Problem problem) {
        if (res.isSent()) {
            return;
        }
        problem.send(res);
    }
}

package dev.dbref.web.problem;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The last route of a known path: any other method gets 405 with the methods the path allows. */
public record MethodNotAllowed(String allow) implements Handler {
    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.ALLOW, allow);
        Problem.of(Status.METHOD_NOT_ALLOWED_405, req.prologue().method().text() + " is not allowed here; allowed: " + allow,
                req.path().absolute().path()).send(res);
    }
}

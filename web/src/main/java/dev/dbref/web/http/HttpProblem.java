package dev.dbref.web.http;

import io.helidon.http.Status;

/** A failure the HTTP adapter itself detects (bad path, bad header, bad body): a status and why. */
public final class HttpProblem extends RuntimeException {
    private final Status status;

    public HttpProblem(Status status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public Status status() {
        return status;
    }

    public static HttpProblem notFound(String detail) {
        return new HttpProblem(Status.NOT_FOUND_404, detail);
    }

    public static HttpProblem badRequest(String detail) {
        return new HttpProblem(Status.BAD_REQUEST_400, detail);
    }
}

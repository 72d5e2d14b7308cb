package dev.dbref.web;

import io.helidon.http.Status;

/** A failure the HTTP adapter itself detects (bad path, bad header, bad body): a status and why. */
final class HttpProblem extends RuntimeException {
    private final Status status;

    HttpProblem(Status status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    Status status() {
        return status;
    }

    static HttpProblem notFound(String detail) {
        return new HttpProblem(Status.NOT_FOUND_404, detail);
    }

    static HttpProblem badRequest(String detail) {
        return new HttpProblem(Status.BAD_REQUEST_400, detail);
    }
}

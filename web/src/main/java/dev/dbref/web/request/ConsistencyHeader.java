package dev.dbref.web.request;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code Consistency-Token}: every successful write answers with one; a {@code GET} that sends it
 * back sees that write, whichever server serves the read.
 */
public final class ConsistencyHeader {
    public static final HeaderName NAME = HeaderNames.create("Consistency-Token");

    private ConsistencyHeader() {
    }

    /** Called just before a response is sent, with its final status. */
    public static void addTo(ServerResponse res) {
        RequestContext.served()
                .filter(context -> context.kind() == RequestContext.RequestKind.WRITE && res.status().code() < 300)
                .flatMap(RequestContext::committedToken)
                .ifPresent(token -> res.header(NAME, token));
    }
}

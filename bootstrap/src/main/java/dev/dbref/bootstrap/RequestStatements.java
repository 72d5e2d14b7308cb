package dev.dbref.bootstrap;

import dev.dbref.persistence.diagnostics.StatementListener;
import dev.dbref.web.request.RequestContext;

/**
 * Bridges the persistence adapter's statement listener to the web adapter's request context, so
 * neither adapter knows the other. A request runs start to end on one virtual thread, and its
 * unit of work runs on that same thread, so the request's context sees exactly its statements.
 */
final class RequestStatements implements StatementListener {
    @Override
    public void executed(long nanos) {
        RequestContext.recordStatement(nanos);
    }
}

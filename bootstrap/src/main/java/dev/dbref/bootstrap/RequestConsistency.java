package dev.dbref.bootstrap;

import dev.dbref.persistence.unitofwork.Access;
import dev.dbref.persistence.routing.CommitPosition;
import dev.dbref.persistence.routing.RequestScope;
import dev.dbref.web.request.Consistency;
import dev.dbref.web.request.RequestContext;

import java.util.Optional;

/**
 * Bridges the web adapter's request to the persistence adapter, so that neither adapter knows the
 * other: the request's kind (by its method) decides where its units of work run, and its
 * {@code Consistency-Token} travels in as a {@link CommitPosition} and out as a token. The request
 * object is the web adapter's; nothing is kept here.
 */
final class RequestConsistency implements Consistency, RequestScope {

    @Override
    public boolean issued(String token) {
        return CommitPosition.fromToken(token).isPresent();
    }

    @Override
    public String ofNoWrite() {
        return CommitPosition.NONE.token();
    }

    @Override
    public Optional<DeclaredRequest> current() {
        return RequestContext.served().map(Declared::new);
    }

    private record Declared(RequestContext request) implements DeclaredRequest {
        @Override
        public Access access() {
            return request.kind() == RequestContext.RequestKind.WRITE ? Access.WRITES : Access.READS;
        }

        @Override
        public Optional<CommitPosition> mustSee() {
            return request.consistencyToken().flatMap(CommitPosition::fromToken);
        }

        @Override
        public void committed(CommitPosition position) {
            request.committed(position.token());
        }
    }
}

package dev.dbref.domain.model;

import java.util.Optional;

/** The caller is known, and may not do this. */
public final class ForbiddenException extends DomainException {
    private final Optional<String> missingScope;

    private ForbiddenException(String message, Optional<String> missingScope) {
        super(message);
        this.missingScope = missingScope;
    }

    static ForbiddenException lacking(String scope) {
        return new ForbiddenException("this needs the scope " + scope, Optional.of(scope));
    }

    static ForbiddenException notOwner(String resource, long id) {
        return new ForbiddenException(resource + " " + id + " belongs to another caller", Optional.empty());
    }

    /** The scope whose absence is the reason, when that is the reason. */
    public Optional<String> missingScope() {
        return missingScope;
    }
}

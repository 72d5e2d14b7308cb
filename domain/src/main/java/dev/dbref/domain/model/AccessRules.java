package dev.dbref.domain.model;

/**
 * Who may do what. While authentication is off ({@link Caller.Anyone}) everything is allowed;
 * otherwise {@link Scope#ADMIN} may do everything, writes of products need
 * {@link Scope#PRODUCTS_WRITE}, creating a user needs {@link Scope#USERS_WRITE}, and a user and
 * its posts change only for their owner. Any verified caller may read.
 */
public final class AccessRules {
    private AccessRules() {
    }

    /** @throws ForbiddenException when an authenticated caller lacks {@code scope} and is not admin */
    public static void requireScope(Caller caller, String scope) {
        if (caller instanceof Caller.Authenticated a && !a.isAdmin() && !a.has(scope)) {
            throw ForbiddenException.lacking(scope);
        }
    }

    /**
     * Changing user {@code userId} (or one of its posts, {@code resource} {@code id}), owned by {@code owner}.
     *
     * @throws ForbiddenException when an authenticated caller, not admin, does not own it; what
     *                            nobody owns only admin may change
     */
    public static void requireOwner(Caller caller, Owner owner, String resource, long id) {
        if (caller instanceof Caller.Authenticated a && !a.isAdmin()
                && !(owner instanceof Owner.Subject s && s.subject().equals(a.subject()))) {
            throw ForbiddenException.notOwner(resource, id);
        }
    }
}

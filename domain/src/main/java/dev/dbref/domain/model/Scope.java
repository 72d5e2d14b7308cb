package dev.dbref.domain.model;

/** The token scopes the domain's rules know; any other scope a token carries grants nothing here. */
public final class Scope {
    /** Needed for every write of products. */
    public static final String PRODUCTS_WRITE = "products:write";
    /** Needed to create a user. */
    public static final String USERS_WRITE = "users:write";
    /** May do everything, whoever owns what. */
    public static final String ADMIN = "admin";

    private Scope() {
    }
}

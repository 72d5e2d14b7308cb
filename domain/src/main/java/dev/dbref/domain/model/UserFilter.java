package dev.dbref.domain.model;

/**
 * Which users a list returns; {@code null} criteria are not applied.
 *
 * @param email    exact, compared case-insensitively
 * @param username exact
 */
public record UserFilter(String email, String username) {
    public static final UserFilter NONE = new UserFilter(null, null);

    /** The e-mail criterion as it is stored for comparison. */
    public String emailKey() {
        return email == null ? null : UserRules.emailKey(email.strip());
    }
}

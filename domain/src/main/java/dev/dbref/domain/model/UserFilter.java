package dev.dbref.domain.model;

import java.util.Optional;

/**
 * Which users a list returns; absent criteria are not applied.
 *
 * @param email    exact, compared case-insensitively
 * @param username exact
 */
public record UserFilter(Optional<String> email, Optional<String> username) {
    public static final UserFilter NONE = new UserFilter(Optional.empty(), Optional.empty());

    public UserFilter withEmail(String address) {
        return new UserFilter(Optional.of(address), username);
    }

    public UserFilter withUsername(String name) {
        return new UserFilter(email, Optional.of(name));
    }

    /** The e-mail criterion as it is stored for comparison. */
    public Optional<String> emailKey() {
        return email.map(e -> UserRules.emailKey(e.strip()));
    }
}

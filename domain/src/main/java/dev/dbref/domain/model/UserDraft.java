package dev.dbref.domain.model;

/**
 * A new user. Validates on construction, reporting every failing field at once; text is trimmed.
 *
 * @param fullName optional, may be {@code null}
 */
public record UserDraft(String email, String username, String fullName) {
    public UserDraft {
        email = Text.trimmed(email);
        username = Text.trimmed(username);
        fullName = Text.trimmed(fullName);
        Violations violations = new Violations();
        UserRules.checkEmail(email, violations);
        UserRules.checkUsername(username, violations);
        UserRules.checkFullName(fullName, violations);
        violations.throwIfAny();
    }

    /** The key under which the e-mail address must be unique. */
    public String emailKey() {
        return UserRules.emailKey(email);
    }
}

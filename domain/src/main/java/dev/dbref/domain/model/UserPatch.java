package dev.dbref.domain.model;

/** A partial change of a user: only present properties change; {@code full_name} may be cleared with {@code null}. */
public record UserPatch(Change<String> email, Change<String> username, Change<String> fullName) {
    public UserPatch {
        email = email.map(Text::trimmed);
        username = username.map(Text::trimmed);
        fullName = fullName.map(Text::trimmed);
        Violations violations = new Violations();
        if (email.present()) {
            UserRules.checkEmail(email.value(), violations);
        }
        if (username.present()) {
            UserRules.checkUsername(username.value(), violations);
        }
        if (fullName.present()) {
            UserRules.checkFullName(fullName.value(), violations);
        }
        violations.throwIfAny();
    }

    public boolean isEmpty() {
        return !email.present() && !username.present() && !fullName.present();
    }

    /** The new e-mail's uniqueness key, when the e-mail changes. */
    public Change<String> emailKey() {
        return email.map(UserRules::emailKey);
    }
}

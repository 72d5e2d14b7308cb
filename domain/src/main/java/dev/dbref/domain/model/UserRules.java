package dev.dbref.domain.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** The per-property rules of a user, shared by create and patch. */
public final class UserRules {
    public static final int EMAIL_MAX = 254;
    public static final int FULL_NAME_MAX = 200;
    /** A practical address check: one @, a dot-atom local part, and a domain of DNS labels with a dot. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,50}");

    private UserRules() {
    }

    static void checkEmail(String email, Violations violations) {
        if (email == null) {
            violations.add("email", "is required");
        } else if (Text.length(email) > EMAIL_MAX) {
            violations.add("email", "must be at most " + EMAIL_MAX + " characters");
        } else if (!EMAIL.matcher(email).matches()) {
            violations.add("email", "must be a valid e-mail address");
        }
    }

    static void checkUsername(String username, Violations violations) {
        if (username == null) {
            violations.add("username", "is required");
        } else if (!USERNAME.matcher(username).matches()) {
            violations.add("username", "must be 3 to 50 of the characters A-Z a-z 0-9 _ . -");
        }
    }

    static void checkFullName(String fullName, Violations violations) {
        if (fullName != null && Text.length(fullName) > FULL_NAME_MAX) {
            violations.add("full_name", "must be at most " + FULL_NAME_MAX + " characters");
        } else {
            Text.checkStorable(fullName, "full_name", violations);
        }
    }

    /** E-mail addresses are unique compared lower-cased. */
    static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}

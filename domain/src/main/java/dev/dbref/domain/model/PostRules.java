package dev.dbref.domain.model;

/** The per-property rules of a post. */
public final class PostRules {
    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 10_000;

    private PostRules() {
    }

    static void checkTitle(String title, Violations violations) {
        if (title == null) {
            violations.add("title", "is required");
        } else if (title.isEmpty()) {
            violations.add("title", "must not be blank");
        } else if (Text.length(title) > TITLE_MAX) {
            violations.add("title", "must be at most " + TITLE_MAX + " characters");
        } else {
            Text.checkStorable(title, "title", violations);
        }
    }

    static void checkBody(String body, Violations violations) {
        if (body != null && Text.length(body) > BODY_MAX) {
            violations.add("body", "must be at most " + BODY_MAX + " characters");
        } else {
            Text.checkStorable(body, "body", violations);
        }
    }
}

package dev.dbref.domain.model;

/**
 * A new post. Validates on construction; text is trimmed.
 *
 * @param body optional, may be {@code null}
 */
public record PostDraft(String title, String body) {
    public PostDraft {
        title = Text.trimmed(title);
        body = Text.trimmed(body);
        Violations violations = new Violations();
        PostRules.checkTitle(title, violations);
        PostRules.checkBody(body, violations);
        violations.throwIfAny();
    }

    /** The title as searches compare it ({@link Text#searchKey}): stored beside the title. */
    public String titleKey() {
        return Text.searchKey(title);
    }
}

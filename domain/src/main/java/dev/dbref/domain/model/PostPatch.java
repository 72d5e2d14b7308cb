package dev.dbref.domain.model;

/** A partial change of a post; {@code body} may be cleared with {@code null}. */
public record PostPatch(Change<String> title, Change<String> body) {
    public PostPatch {
        title = title.map(Text::trimmed);
        body = body.map(Text::trimmed);
        Violations violations = new Violations();
        if (title.present()) {
            PostRules.checkTitle(title.value(), violations);
        }
        if (body.present()) {
            PostRules.checkBody(body.value(), violations);
        }
        violations.throwIfAny();
    }

    public boolean isEmpty() {
        return !title.present() && !body.present();
    }

    /** The new title's search key, when the title changes. */
    public Change<String> titleKey() {
        return title.map(Text::searchKey);
    }
}

package dev.dbref.web;

/** {@code include=<relation>}: the one relation a resource can embed; any other value is a 400. */
final class Includes {
    private Includes() {
    }

    static boolean requested(QueryParams params, String relation) {
        String value = params.text("include");
        if (value == null) {
            return false;
        }
        for (String item : params.list("include")) {
            if (!item.equals(relation)) {
                throw HttpProblem.badRequest("cannot include '" + item + "'; includable: " + relation);
            }
        }
        return true;
    }
}

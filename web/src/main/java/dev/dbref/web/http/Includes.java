package dev.dbref.web.http;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code include=<relation>,...}: what a resource may embed; any other value is a 400. */
public final class Includes {
    private Includes() {
    }

    /** @param includable the relations this resource can embed, by the name clients use */
    public static <E> Set<E> read(QueryParams params, Map<String, E> includable) {
        Set<E> include = new HashSet<>();
        for (String item : params.list("include")) {
            E relation = includable.get(item);
            if (relation == null) {
                throw HttpProblem.badRequest("cannot include '" + item + "'; includable: "
                        + String.join(", ", includable.keySet()));
            }
            include.add(relation);
        }
        return include;
    }
}

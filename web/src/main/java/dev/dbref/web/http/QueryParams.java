package dev.dbref.web.http;

import dev.dbref.domain.model.Text;
import io.helidon.common.uri.UriQuery;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Typed access to query parameters. Every problem is a 400 that names the parameter: an
 * unknown name, a repeated one, or a value of the wrong type.
 */
public final class QueryParams {
    private final UriQuery query;

    public QueryParams(UriQuery query, Set<String> allowed) {
        this.query = query;
        for (String name : query.names()) {
            if (!allowed.contains(name)) {
                throw HttpProblem.badRequest("unknown query parameter '" + name + "'");
            }
            if (query.all(name).size() > 1) {
                throw HttpProblem.badRequest("query parameter '" + name + "' is given more than once");
            }
        }
    }

    public String text(String name) {
        if (!query.contains(name)) {
            return null;
        }
        String value = query.get(name);
        if (!Text.isStorable(value)) {
            // No stored text holds one, and PostgreSQL refuses them even in a search pattern.
            throw HttpProblem.badRequest("query parameter '" + name + "' must not contain NUL characters");
        }
        return value;
    }

    public Long integer(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("query parameter '" + name + "' must be an integer");
        }
    }

    public BigDecimal decimal(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal parsed = new BigDecimal(value.strip());
            if (parsed.precision() - parsed.scale() > 20 || parsed.scale() > 20) {
                throw new NumberFormatException("out of range");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("query parameter '" + name + "' must be a decimal number");
        }
    }

    /** The names of several groups of parameters, for the allowed set of one endpoint. */
    @SafeVarargs
    public static Set<String> union(Set<String>... groups) {
        Set<String> all = new HashSet<>();
        for (Set<String> group : groups) {
            all.addAll(group);
        }
        return Set.copyOf(all);
    }

    /** A comma-separated list; empty items are refused. */
    public List<String> list(String name) {
        String value = text(name);
        if (value == null) {
            return List.of();
        }
        List<String> items = List.of(value.split(",", -1)).stream().map(String::strip).toList();
        if (items.stream().anyMatch(String::isEmpty)) {
            throw HttpProblem.badRequest("query parameter '" + name + "' has an empty item");
        }
        return items;
    }
}

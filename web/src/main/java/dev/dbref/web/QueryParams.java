package dev.dbref.web;

import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.Text;
import io.helidon.common.uri.UriQuery;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Typed access to query parameters. Every problem is a 400 that names the parameter: an
 * unknown name, a repeated one, or a value of the wrong type.
 */
final class QueryParams {
    private final UriQuery query;

    QueryParams(UriQuery query, Set<String> allowed) {
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

    /** {@code skip} (default 0) and {@code limit} (default 100); the domain checks their bounds. */
    PageRequest page() {
        Long skip = integer("skip");
        Long limit = integer("limit");
        long limitValue = limit == null ? PageRequest.DEFAULT_LIMIT : limit;
        int boundedLimit = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, limitValue));
        return new PageRequest(skip == null ? 0 : skip, boundedLimit);
    }

    String text(String name) {
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

    Long integer(String name) {
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

    BigDecimal decimal(String name) {
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

    /** A comma-separated list; empty items are refused. */
    List<String> list(String name) {
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

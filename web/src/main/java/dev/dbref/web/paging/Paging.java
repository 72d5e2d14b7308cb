package dev.dbref.web.paging;

import dev.dbref.web.http.HttpProblem;
import dev.dbref.web.http.Json;
import dev.dbref.web.http.QueryParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.PagePosition;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.ResultPage;
import dev.dbref.domain.model.Totals;

import java.util.Set;
import java.util.function.Function;

/**
 * How every list reads its page from the query string ({@code skip}, {@code limit}, {@code after},
 * {@code total}) and writes its envelope:
 * {@code {"items": [...], "total": N, "skip": S, "limit": L, "next": "<cursor>"|null}}, with
 * {@code "has_more"} instead of {@code "total"} when the client asked for no count.
 */
public final class Paging {
    public static final Set<String> PARAMETERS = Set.of("skip", "limit", "after", "total");

    private final CursorCodec cursors;

    public Paging(CursorCodec cursors) {
        this.cursors = cursors;
    }

    /** @param scope the list, its sort and its filters in a canonical form: a cursor is valid for its own scope only */
    public PageRequest read(QueryParams params, String scope) {
        Long skip = params.integer("skip");
        long limitValue = params.integer("limit") == null ? PageRequest.DEFAULT_LIMIT : params.integer("limit");
        int limit = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, limitValue));
        Totals totals = totals(params.text("total"));
        String after = params.text("after");
        if (after == null) {
            return new PageRequest(new PagePosition.Offset(skip == null ? 0 : skip), limit, totals);
        }
        if (skip != null && skip != 0) {
            throw HttpProblem.badRequest("'after' and 'skip' cannot be combined: the cursor already says where the page starts");
        }
        return new PageRequest(new PagePosition.After(cursors.decode(after, scope)), limit, totals);
    }

    private static Totals totals(String value) {
        if (value == null || value.equals("exact")) {
            return Totals.EXACT;
        }
        if (value.equals("none")) {
            return Totals.NONE;
        }
        throw HttpProblem.badRequest("query parameter 'total' must be 'exact' or 'none'");
    }

    public <T> ObjectNode envelope(ResultPage<T> page, Function<T, ? extends JsonNode> item, String scope) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(t -> items.add(item.apply(t)));
        page.total().ifPresent(total -> body.put("total", total));
        body.put("skip", page.page().skip()).put("limit", page.page().limit());
        if (page.page().totals() == Totals.NONE) {
            body.put("has_more", page.hasMore());
        }
        page.next().ifPresentOrElse(next -> body.put("next", cursors.encode(next, scope)), () -> body.putNull("next"));
        return body;
    }
}

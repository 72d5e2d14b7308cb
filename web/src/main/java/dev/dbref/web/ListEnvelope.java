package dev.dbref.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.ResultPage;

import java.util.function.Function;

/** {@code {"items": [...], "total": N, "skip": S, "limit": L}}, the shape of every list. */
final class ListEnvelope {
    private ListEnvelope() {
    }

    static <T> ObjectNode of(ResultPage<T> page, Function<T, ? extends JsonNode> item) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(t -> items.add(item.apply(t)));
        body.put("total", page.total()).put("skip", page.page().skip()).put("limit", page.page().limit());
        return body;
    }
}

package dev.dbref.bootstrap;

import dev.dbref.testkit.Topology;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.dbref.testkit.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cursor paging on every list, on each database: walking {@code next} while other clients insert
 * and delete never repeats or skips a row that existed throughout, for every sort in both
 * directions and with filters; {@code total=none} counts nothing; a cursor that is not ours, or
 * not for this query, is a 400.
 */
@ParameterizedClass
@EnumSource(Topology.class)
class CursorPagingContract extends ServerContract {
    private static final String SERVER_TIMING_ONE_QUERY = "desc=\"1 query\"";

    @ParameterizedTest
    @ValueSource(strings = {"id", "-id", "name", "-name", "price", "-price", "quantity", "-quantity", "created_at",
            "-created_at", "-price,name", "quantity,-created_at"})
    void walking_the_cursor_while_rows_come_and_go_sees_each_lasting_row_exactly_once(String sort) {
        Random random = new Random(sort.hashCode());
        String tag = "walk" + Math.abs(sort.hashCode());
        // Few distinct names, prices and quantities: many ties, which only the id breaks.
        Set<Long> lasting = new HashSet<>(bulk(tag, 40, random));
        List<Long> doomed = new ArrayList<>(bulk(tag, 20, random));
        List<Long> seen = new ArrayList<>();

        String query = "/products?name_contains=" + tag + "&price_lt=40&sort=" + enc(sort) + "&limit=7";
        String next = null;
        int pages = 0;
        do {
            JsonNode page = http.get(query + (next == null ? "" : "&after=" + enc(next))).json();
            page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            // Other clients meanwhile: new rows anywhere in the order, and some rows gone.
            bulk(tag, 3, random);
            if (!doomed.isEmpty()) {
                assertEquals(204, http.delete("/products/" + doomed.remove(random.nextInt(doomed.size()))).status());
            }
            pages++;
        } while (next != null && pages < 100);

        assertTrue(pages < 100, "the walk did not end");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a row appeared twice: " + seen);
        Set<Long> missing = new HashSet<>(lasting);
        seen.forEach(missing::remove);
        assertEquals(Set.of(), missing, "rows that existed throughout went missing");
    }

    @Test
    void a_cursor_walk_in_order_matches_the_offset_pages_when_nothing_changes() {
        bulk("same", 30, new Random(7));
        String base = "/products?name_contains=same&sort=-price,quantity&limit=4";
        List<Long> byOffset = new ArrayList<>();
        for (int skip = 0; skip < 30; skip += 4) {
            http.get(base + "&skip=" + skip).json().get("items").forEach(i -> byOffset.add(i.get("id").asLong()));
        }
        List<Long> byCursor = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = http.get(base + "&total=none" + (next == null ? "" : "&after=" + enc(next))).json();
            page.get("items").forEach(i -> byCursor.add(i.get("id").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        assertEquals(30, byOffset.size());
        assertEquals(byOffset, byCursor);
    }

    @Test
    void total_none_runs_one_statement_and_answers_has_more_instead_of_a_total() {
        bulk("few", 3, new Random(1));
        Http.Reply first = http.get("/products?name_contains=few&limit=2&total=none");
        assertEquals(200, first.status(), first.toString());
        assertFalse(first.json().has("total"), first.toString());
        assertTrue(first.json().get("has_more").asBoolean());
        assertFalse(first.json().get("next").isNull());
        assertTrue(first.header("Server-Timing").contains(SERVER_TIMING_ONE_QUERY), first.header("Server-Timing"));

        Http.Reply last = http.get("/products?name_contains=few&limit=2&total=none&after=" + enc(first.json().get("next").asText()));
        assertEquals(1, last.json().get("items").size());
        assertFalse(last.json().get("has_more").asBoolean());
        assertTrue(last.json().get("next").isNull());

        Http.Reply exact = http.get("/products?name_contains=few&limit=2");
        assertEquals(3, exact.json().get("total").asInt());
        assertFalse(exact.json().has("has_more"));
        assertTrue(exact.header("Server-Timing").contains("desc=\"2 queries\""), exact.header("Server-Timing"));
    }

    @Test
    void a_cursor_that_is_changed_foreign_or_for_another_query_is_a_400() {
        bulk("bad", 5, new Random(2));
        String next = http.get("/products?name_contains=bad&sort=price&limit=2").json().get("next").asText();
        assertEquals(200, http.get("/products?name_contains=bad&sort=price&limit=3&after=" + enc(next)).status(),
                "a cursor may be used with another page size");

        char flipped = next.charAt(3) == 'A' ? 'B' : 'A';
        String changed = next.substring(0, 3) + flipped + next.substring(4);
        for (String query : List.of(
                "/products?name_contains=bad&sort=price&after=" + enc(changed),
                "/products?name_contains=bad&sort=price&after=bm90LW91cnM.AAAA",
                "/products?name_contains=bad&sort=price&after=",
                "/products?name_contains=bad&sort=price&after=%F0%9F%98%80",
                "/products?name_contains=bad&sort=-price&after=" + enc(next),
                "/products?name_contains=other&sort=price&after=" + enc(next),
                "/products?name_contains=bad&sort=price&skip=2&after=" + enc(next),
                "/users?after=" + enc(next),
                "/products?total=some")) {
            Http.Reply reply = http.get(query);
            assertEquals(400, reply.status(), query + " -> " + reply);
            assertEquals("application/problem+json", reply.contentType());
            assertNotNull(reply.json().get("detail"));
        }
        assertTrue(http.get("/products?name_contains=bad&sort=-price&after=" + enc(next)).json().get("detail").asText()
                .contains("another sort or other filters"));
    }

    @Test
    void users_posts_and_a_users_posts_page_by_cursor_too() {
        long ada = http.post("/users", "{\"email\": \"cursor-ada@example.com\", \"username\": \"ada\"}").json().get("id").asLong();
        for (int i = 0; i < 5; i++) {
            http.post("/users", "{\"email\": \"cursor" + i + "@example.com\", \"username\": \"user" + i + "\"}");
            http.post("/users/" + ada + "/posts", "{\"title\": \"post " + i + "\"}");
        }
        for (String list : List.of("/users?limit=2", "/posts?limit=2&include=user", "/users/" + ada + "/posts?limit=2",
                "/posts?user_id=" + ada + "&limit=2&total=none")) {
            List<Long> ids = new ArrayList<>();
            String next = null;
            do {
                String sep = list.contains("?") ? "&" : "?";
                JsonNode page = http.get(list + (next == null ? "" : sep + "after=" + enc(next))).json();
                page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
                next = page.get("next").isNull() ? null : page.get("next").asText();
            } while (next != null);
            assertTrue(ids.size() >= 5, list + " " + ids);
            assertEquals(ids.stream().sorted().toList(), ids, list);
            assertEquals(ids.size(), new HashSet<>(ids).size(), list);
        }
    }

    private List<Long> bulk(String tag, int n, Random random) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append("{\"name\": \"").append(tag).append(' ').append((char) ('a' + random.nextInt(3)))
                    .append("\", \"price\": ").append(10 + random.nextInt(4) * 5).append(", \"quantity\": ").append(random.nextInt(3))
                    .append('}');
        }
        Http.Reply reply = http.post("/products/bulk", body.append(']').toString());
        assertEquals(201, reply.status(), reply.toString());
        List<Long> ids = new ArrayList<>();
        reply.json().get("ids").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

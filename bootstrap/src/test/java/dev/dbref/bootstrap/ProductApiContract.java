package dev.dbref.bootstrap;

import dev.dbref.testkit.Topology;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.dbref.testkit.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The products part of the HTTP contract ({@code shared/API.md}), against the real server on a
 * real database. It runs unchanged over every topology of the matrix.
 */
@ParameterizedClass
@EnumSource(Topology.class)
class ProductApiContract extends ServerContract {
    @BeforeEach
    void empty() {
        // Bulk delete needs a filter; every product has quantity >= 0.
        assertEquals(200, http.delete("/products?quantity_gte=0").status());
    }

    private JsonNode create(String json) {
        Http.Reply reply = http.post("/products", json);
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private static void assertProblem(Http.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals("application/problem+json", reply.contentType(), reply.toString());
        JsonNode body = reply.json();
        assertEquals(status, body.get("status").asInt());
        assertEquals("about:blank", body.get("type").asText());
        assertNotNull(body.get("title"));
        assertNotNull(body.get("detail"));
    }

    private static List<String> errorFields(Http.Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    // --- create and read ---

    @Test
    void post_creates_a_product_with_location_etag_and_exact_price() {
        Http.Reply reply = http.post("/products", "{\"name\": \"  Pear \", \"description\": \"green\", \"price\": 19.99, \"quantity\": 3}");

        assertEquals(201, reply.status(), reply.toString());
        JsonNode p = reply.json();
        assertEquals("/products/" + p.get("id").asLong(), reply.header("Location"));
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals("Pear", p.get("name").asText());
        assertEquals("green", p.get("description").asText());
        assertTrue(reply.text().contains("\"price\":19.99"), reply.text());
        assertEquals(3, p.get("quantity").asInt());
        assertEquals(1, p.get("version").asInt());
        assertTrue(p.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals(p.get("created_at"), p.get("updated_at"));
        assertTrue(reply.contentType().startsWith("application/json"));
    }

    @Test
    void get_returns_the_product_and_404_for_missing_or_malformed_ids() {
        long id = create("{\"name\": \"a\", \"price\": 1.5}").get("id").asLong();

        Http.Reply found = http.get("/products/" + id);
        assertEquals(200, found.status());
        assertEquals("\"1\"", found.header("ETag"));
        assertEquals(0, new BigDecimal("1.5").compareTo(found.json().get("price").decimalValue()));
        assertTrue(found.json().get("description").isNull());
        assertEquals(0, found.json().get("quantity").asInt());

        for (String bad : List.of("999999", "abc", "0", "-1", "99999999999999999999", "1.5")) {
            assertProblem(http.get("/products/" + bad), 404);
        }
    }

    // --- listing ---

    @Test
    void list_returns_the_envelope_ordered_by_id() {
        long a = create("{\"name\": \"a\", \"price\": 1}").get("id").asLong();
        long b = create("{\"name\": \"b\", \"price\": 2}").get("id").asLong();

        JsonNode page = http.get("/products").json();

        assertEquals(2, page.get("total").asInt());
        assertEquals(0, page.get("skip").asInt());
        assertEquals(100, page.get("limit").asInt());
        assertEquals(List.of(a, b), ids(page));
    }

    @Test
    void list_filters_sorts_projects_and_pages() {
        create("{\"name\": \"ÄPFEL rot\", \"price\": 3.00, \"quantity\": 5}");
        create("{\"name\": \"äpfel grün\", \"price\": 2.50, \"quantity\": 0}");
        create("{\"name\": \"Birnen\", \"price\": 2.50, \"quantity\": 9}");

        JsonNode apples = http.get("/products?name_contains=%C3%A4pfel&sort=-price").json();
        assertEquals(2, apples.get("total").asInt());
        assertEquals("ÄPFEL rot", apples.get("items").get(0).get("name").asText());

        JsonNode cheap = http.get("/products?price_lte=2.5&quantity_gt=0&fields=name,price").json();
        assertEquals(1, cheap.get("total").asInt());
        JsonNode item = cheap.get("items").get(0);
        assertEquals(List.of("name", "price"), fieldNames(item));
        assertEquals("Birnen", item.get("name").asText());

        JsonNode second = http.get("/products?sort=price,-name&skip=1&limit=1").json();
        assertEquals(3, second.get("total").asInt());
        assertEquals(1, second.get("items").size());
        assertEquals("Birnen", second.get("items").get(0).get("name").asText());
        assertEquals(1, second.get("skip").asInt());
        assertEquals(1, second.get("limit").asInt());
    }

    @Test
    void bad_list_parameters_are_400_problems_naming_the_parameter() {
        for (String query : List.of("limit=0", "limit=1001", "limit=x", "skip=-1", "skip=x", "sort=description",
                "sort=nope", "fields=nope", "fields=", "price_gt=abc", "quantity=1.5", "colour=red")) {
            Http.Reply reply = http.get("/products?" + query);
            assertProblem(reply, 400);
            String name = query.substring(0, query.indexOf('='));
            String detail = reply.json().get("detail").asText();
            assertTrue(detail.contains(name) || detail.contains(query.substring(query.indexOf('=') + 1)), detail);
        }
    }

    @Test
    void pages_of_a_sort_with_ties_never_repeat_or_skip_a_row() {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 120; i++) {
            items.append(i == 0 ? "" : ",").append("{\"name\": \"p").append(i).append("\", \"price\": ").append(i % 7).append("}");
        }
        assertEquals(201, http.post("/products/bulk", items.append("]").toString()).status());

        List<Long> seen = new ArrayList<>();
        for (int skip = 0; skip < 120; skip += 25) {
            seen.addAll(ids(http.get("/products?sort=-price&limit=25&skip=" + skip).json()));
        }
        assertEquals(120, seen.size());
        assertEquals(120, seen.stream().distinct().count());
    }

    @Test
    void ten_thousand_products_load_in_ten_requests_and_page_by_price_without_repeats_or_gaps() {
        for (int batch = 0; batch < 10; batch++) {
            int first = batch * 1000;
            String items = IntStream.range(first, first + 1000)
                    .mapToObj(i -> "{\"name\": \"p" + i + "\", \"price\": " + (i % 500) + "." + (i % 100 < 10 ? "0" : "") + (i % 100) + "}")
                    .collect(Collectors.joining(",", "[", "]"));
            assertEquals(1000, http.post("/products/bulk", items).json().get("created").asInt());
        }

        List<Long> seen = new ArrayList<>();
        BigDecimal previous = null;
        for (int skip = 0; skip < 10_000; skip += 1000) {
            JsonNode page = http.get("/products?sort=-price&fields=id,price&limit=1000&skip=" + skip).json();
            assertEquals(10_000, page.get("total").asInt());
            for (JsonNode item : page.get("items")) {
                BigDecimal price = item.get("price").decimalValue();
                assertTrue(previous == null || previous.compareTo(price) >= 0, "not sorted by price descending");
                previous = price;
                seen.add(item.get("id").asLong());
            }
        }
        assertEquals(10_000, seen.size());
        assertEquals(10_000, seen.stream().distinct().count());
    }

    // --- changes ---

    @Test
    void put_replaces_every_property_and_resets_omitted_ones() {
        JsonNode p = create("{\"name\": \"a\", \"description\": \"d\", \"price\": 1, \"quantity\": 4}");
        String path = "/products/" + p.get("id").asLong();

        Http.Reply replaced = http.put(path, "{\"name\": \"b\", \"price\": 2}");

        assertEquals(200, replaced.status(), replaced.toString());
        assertEquals("\"2\"", replaced.header("ETag"));
        assertEquals("b", replaced.json().get("name").asText());
        assertTrue(replaced.json().get("description").isNull());
        assertEquals(0, replaced.json().get("quantity").asInt());
        assertEquals(422, http.put(path, "{\"name\": \"b\"}").status());
    }

    @Test
    void patch_changes_only_what_is_present_and_null_clears_the_description() {
        JsonNode p = create("{\"name\": \"a\", \"description\": \"d\", \"price\": 1, \"quantity\": 4}");
        String path = "/products/" + p.get("id").asLong();

        JsonNode patched = http.patch(path, "{\"description\": null, \"quantity\": 5}").json();

        assertEquals("a", patched.get("name").asText());
        assertTrue(patched.get("description").isNull());
        assertEquals(5, patched.get("quantity").asInt());
        assertEquals(2, patched.get("version").asInt());
    }

    @Test
    void an_empty_patch_changes_nothing_not_even_the_version() {
        JsonNode p = create("{\"name\": \"a\", \"price\": 1}");
        Http.Reply reply = http.patch("/products/" + p.get("id").asLong(), "{}");

        assertEquals(200, reply.status());
        assertEquals(1, reply.json().get("version").asInt());
        assertEquals(p.get("updated_at"), reply.json().get("updated_at"));
    }

    @Test
    void a_stale_if_match_gets_412_and_changes_nothing() {
        String path = "/products/" + create("{\"name\": \"a\", \"price\": 1}").get("id").asLong();
        assertEquals(200, http.patch(path, "{\"quantity\": 1}", "If-Match", "\"1\"").status());

        assertProblem(http.patch(path, "{\"quantity\": 2}", "If-Match", "\"1\""), 412);
        assertProblem(http.put(path, "{\"name\": \"x\", \"price\": 1}", "If-Match", "\"1\""), 412);
        assertProblem(http.delete(path, "If-Match", "\"1\""), 412);
        Http.Reply garbage = http.patch(path, "{\"quantity\": 2}", "If-Match", "garbage");
        assertProblem(garbage, 412);
        assertEquals("product " + path.substring(path.lastIndexOf('/') + 1) + " has no such version",
                garbage.json().get("detail").asText());

        JsonNode now = http.get(path).json();
        assertEquals(1, now.get("quantity").asInt());
        assertEquals(2, now.get("version").asInt());
        assertEquals(204, http.delete(path, "If-Match", "\"2\"").status());
    }

    @Test
    void delete_answers_204_then_404() {
        String path = "/products/" + create("{\"name\": \"a\", \"price\": 1}").get("id").asLong();

        Http.Reply deleted = http.delete(path);
        assertEquals(204, deleted.status());
        assertEquals("", deleted.text());
        assertProblem(http.delete(path), 404);
        assertProblem(http.get(path), 404);
        assertProblem(http.patch(path, "{\"quantity\": 1}"), 404);
    }

    @Test
    void concurrent_patches_with_the_same_if_match_let_exactly_one_win() throws Exception {
        String path = "/products/" + create("{\"name\": \"a\", \"price\": 1}").get("id").asLong();
        List<Callable<Integer>> patches = IntStream.range(0, 16)
                .<Callable<Integer>>mapToObj(i -> () -> http.patch(path, "{\"quantity\": " + i + "}", "If-Match", "\"1\"").status())
                .toList();

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (Future<Integer> f : threads.invokeAll(patches)) {
                statuses.add(f.get());
            }
        }

        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(15, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        assertEquals(2, http.get(path).json().get("version").asInt());
    }

    @Test
    void read_increment_write_loops_with_if_match_lose_no_update() throws Exception {
        String path = "/products/" + create("{\"name\": \"counter\", \"price\": 1, \"quantity\": 0}").get("id").asLong();
        Callable<Integer> worker = () -> {
            int successes = 0;
            for (int i = 0; i < 10; i++) {
                while (true) {
                    JsonNode current = http.get(path).json();
                    Http.Reply r = http.patch(path, "{\"quantity\": " + (current.get("quantity").asInt() + 1) + "}",
                            "If-Match", "\"" + current.get("version").asInt() + "\"");
                    if (r.status() == 200) {
                        successes++;
                        break;
                    }
                    assertEquals(412, r.status(), r.toString());
                }
            }
            return successes;
        };

        int total = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (Future<Integer> f : threads.invokeAll(java.util.Collections.nCopies(16, worker))) {
                total += f.get();
            }
        }

        assertEquals(160, total);
        assertEquals(160, http.get(path).json().get("quantity").asInt());
    }

    // --- bulk ---

    @Test
    void bulk_create_inserts_all_and_returns_ids_in_order() {
        Http.Reply reply = http.post("/products/bulk", "[{\"name\": \"a\", \"price\": 1}, {\"name\": \"b\", \"price\": 2}]");

        assertEquals(201, reply.status(), reply.toString());
        assertEquals(2, reply.json().get("created").asInt());
        List<Long> ids = new ArrayList<>();
        reply.json().get("ids").forEach(id -> ids.add(id.asLong()));
        assertEquals("a", http.get("/products/" + ids.get(0)).json().get("name").asText());
        assertEquals("b", http.get("/products/" + ids.get(1)).json().get("name").asText());
    }

    @Test
    void bulk_create_is_all_or_nothing_and_names_every_bad_item() {
        Http.Reply reply = http.post("/products/bulk",
                "[{\"name\": \"ok\", \"price\": 1}, {\"name\": \"\", \"price\": -1}, 7, {\"name\": \"x\", \"price\": 1, \"id\": 3}]");

        assertProblem(reply, 422);
        assertEquals(List.of("[1].name", "[1].price", "[2]", "[3].id"), errorFields(reply));
        assertEquals(0, http.get("/products").json().get("total").asInt());
    }

    @Test
    void bulk_create_takes_1_to_1000_items_in_an_array() {
        String thousand = IntStream.range(0, 1000).mapToObj(i -> "{\"name\": \"n" + i + "\", \"price\": 1}")
                .collect(Collectors.joining(",", "[", "]"));
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "{\"name\": \"n\", \"price\": 1}")
                .collect(Collectors.joining(",", "[", "]"));

        assertEquals(1000, http.post("/products/bulk", thousand).json().get("created").asInt());
        assertProblem(http.post("/products/bulk", tooMany), 422);
        assertProblem(http.post("/products/bulk", "[]"), 422);
        assertProblem(http.post("/products/bulk", "{\"name\": \"a\", \"price\": 1}"), 400);
        assertEquals(1000, http.get("/products?limit=1").json().get("total").asInt());
    }

    @Test
    void bulk_update_and_delete_need_a_filter_and_touch_only_matches() {
        long cheap = create("{\"name\": \"a\", \"price\": 1}").get("id").asLong();
        long dear = create("{\"name\": \"b\", \"price\": 100}").get("id").asLong();

        assertProblem(http.patch("/products", "{\"price\": 15}"), 400);
        assertProblem(http.patch("/products?limit=5", "{\"price\": 15}"), 400);
        assertProblem(http.delete("/products"), 400);
        assertProblem(http.delete("/products?sort=id"), 400);

        Http.Reply updated = http.patch("/products?price_lt=50", "{\"price\": 15}");
        assertEquals(1, updated.json().get("updated").asInt(), updated.toString());
        JsonNode changed = http.get("/products/" + cheap).json();
        assertEquals(0, new BigDecimal("15").compareTo(changed.get("price").decimalValue()));
        assertEquals(2, changed.get("version").asInt());
        assertEquals(1, http.get("/products/" + dear).json().get("version").asInt());

        assertEquals(1, http.delete("/products?price_gte=100").json().get("deleted").asInt());
        assertEquals(404, http.get("/products/" + dear).status());
    }

    // --- bad input ---

    @Test
    void validation_failures_are_422_listing_every_field() {
        Http.Reply reply = http.post("/products", "{\"name\": \"\", \"price\": \"abc\", \"quantity\": -1, \"description\": 5}");

        assertProblem(reply, 422);
        assertEquals(List.of("description", "name", "price", "quantity"), errorFields(reply).stream().sorted().toList());
        assertEquals("/products", reply.json().get("instance").asText());
    }

    @Test
    void text_no_database_can_store_is_422_and_in_a_query_400() {
        // PostgreSQL's text cannot hold NUL (it answered 500 before); an unpaired surrogate was stored as '?'.
        Http.Reply nul = http.post("/products", "{\"name\": \"a\\u0000b\", \"description\": \"x\\ud800y\", \"price\": 1}");
        assertProblem(nul, 422);
        assertEquals(List.of("description", "name"), errorFields(nul).stream().sorted().toList());
        Http.Reply bulk = http.post("/products/bulk", "[{\"name\": \"ok\", \"price\": 1}, {\"name\": \"\\u0000\", \"price\": 1}]");
        assertProblem(bulk, 422);
        assertEquals(List.of("[1].name"), errorFields(bulk));
        assertEquals(0, http.get("/products").json().get("total").asInt());

        assertProblem(http.get("/products?name_contains=a%00b"), 400);
        assertProblem(http.get("/users?email=a%00b@example.com"), 400);
        assertProblem(http.get("/posts?title_contains=%00"), 400);
    }

    @Test
    void unknown_and_server_owned_properties_are_refused_by_name() {
        for (String field : List.of("colour", "id", "version", "created_at", "updated_at")) {
            Http.Reply reply = http.post("/products", "{\"name\": \"a\", \"price\": 1, \"" + field + "\": 1}");
            assertProblem(reply, 422);
            assertEquals(List.of(field), errorFields(reply));
        }
        assertEquals(0, http.get("/products").json().get("total").asInt());
    }

    @Test
    void prices_beyond_two_decimals_or_the_maximum_are_refused() {
        assertEquals(List.of("price"), errorFields(http.post("/products", "{\"name\": \"a\", \"price\": 0.001}")));
        assertEquals(List.of("price"), errorFields(http.post("/products", "{\"name\": \"a\", \"price\": 100000000}")));
        assertEquals(List.of("quantity"), errorFields(http.post("/products", "{\"name\": \"a\", \"price\": 1, \"quantity\": 1.5}")));
        JsonNode max = create("{\"name\": \"a\", \"price\": 99999999.99}");
        assertEquals(0, new BigDecimal("99999999.99").compareTo(max.get("price").decimalValue()));
    }

    @Test
    void malformed_empty_or_non_object_bodies_are_400() {
        assertProblem(http.post("/products", "{\"name\": "), 400);
        assertProblem(http.post("/products", ""), 400);
        assertProblem(http.post("/products", "[1, 2]"), 400);
        assertProblem(http.post("/products", "\"text\""), 400);
        assertProblem(http.post("/products", "{} {}"), 400);
        Http.Reply twice = http.post("/products", "{\"name\": \"a\", \"price\": 1, \"price\": 2}");
        assertProblem(twice, 400);
        assertEquals("the request body gives a property more than once", twice.json().get("detail").asText());
        assertProblem(http.post("/products/bulk", "[{\"name\": \"a\", \"name\": \"b\", \"price\": 1}]"), 400);
        assertEquals(0, http.get("/products").json().get("total").asInt());
    }

    @Test
    void a_body_that_is_not_json_by_media_type_is_415() {
        assertProblem(http.send("POST", "/products", "text/plain", "{\"name\": \"a\", \"price\": 1}".getBytes(StandardCharsets.UTF_8)), 415);
        assertProblem(http.send("POST", "/products", "application/x-www-form-urlencoded", "name=a".getBytes(StandardCharsets.UTF_8)), 415);
        assertEquals(201, http.send("POST", "/products", "application/json; charset=utf-8",
                "{\"name\": \"a\", \"price\": 1}".getBytes(StandardCharsets.UTF_8)).status());
    }

    @Test
    void a_body_over_1_mib_is_413() {
        byte[] big = ("{\"name\": \"" + "a".repeat(1024 * 1024) + "\", \"price\": 1}").getBytes(StandardCharsets.UTF_8);
        assertProblem(http.send("POST", "/products", "application/json", big), 413);
        assertEquals(0, http.get("/products").json().get("total").asInt());
    }

    @Test
    void unknown_routes_are_404_and_wrong_methods_405_with_allow() {
        assertProblem(http.get("/nothing-here"), 404);

        Http.Reply onCollection = http.send("PUT", "/products", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(onCollection, 405);
        assertEquals("GET, POST, PATCH, DELETE", onCollection.header("Allow"));

        Http.Reply onItem = http.send("POST", "/products/1", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(onItem, 405);
        assertEquals("GET, PUT, PATCH, DELETE", onItem.header("Allow"));

        Http.Reply onBulk = http.get("/products/bulk");
        assertProblem(onBulk, 405);
        assertEquals("POST", onBulk.header("Allow"));
    }

    // --- operations ---

    @Test
    void every_response_carries_server_timing_with_the_statement_count() {
        long id = create("{\"name\": \"a\", \"price\": 1}").get("id").asLong();

        String single = http.get("/products/" + id).header("Server-Timing");
        assertTrue(single.matches("db;dur=[0-9.]+;desc=\"1 query\", app;dur=[0-9.]+"), single);
        String list = http.get("/products").header("Server-Timing");
        assertTrue(list.contains("desc=\"2 queries\""), list);
        String error = http.get("/products/abc").header("Server-Timing");
        assertTrue(error.contains("desc=\"0 queries\""), error);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

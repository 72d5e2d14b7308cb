package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The served OpenAPI document and the routes the server registers must name the same operations. */
class OpenApiTest {

    @Test
    void documented_operations_and_registered_routes_are_the_same_set() {
        try (Application app = TestServers.start(TestDatabase.SQLITE, Map.of("DEBUG_ENDPOINTS", "true", "ADMIN_TOKEN", "x"))) {
            Http.Reply reply = new Http(app.port()).get("/openapi");
            assertEquals(200, reply.status());
            assertTrue(reply.contentType().startsWith("application/yaml"));

            Set<String> documented = operations(reply.text());
            Set<String> registered = new TreeSet<>(app.routes());

            assertTrue(registered.size() > 20, "too few routes registered: " + registered);
            assertEquals(registered, documented);
        }
    }

    /**
     * What a client generator names its methods after and groups them by: every operation has both,
     * a summary and a description; and what authentication answers is declared where it can happen.
     */
    @Test
    @SuppressWarnings("unchecked")
    void every_operation_has_a_unique_operation_id_a_declared_tag_a_summary_and_a_description() {
        try (Application app = TestServers.start(TestDatabase.SQLITE)) {
            Map<String, Object> document = new Yaml().load(new Http(app.port()).get("/openapi").text());
            Set<String> tags = new TreeSet<>();
            for (Map<String, Object> tag : (java.util.List<Map<String, Object>>) document.get("tags")) {
                tags.add((String) tag.get("name"));
            }
            assertEquals(Set.of("operations", "posts", "products", "users"), tags);
            Set<String> ids = new TreeSet<>();
            int count = 0;
            for (Map.Entry<String, Map<String, Object>> path : ((Map<String, Map<String, Object>>) document.get("paths")).entrySet()) {
                for (Map.Entry<String, Object> entry : path.getValue().entrySet()) {
                    if (!Set.of("get", "put", "post", "delete", "patch").contains(entry.getKey())) {
                        continue;
                    }
                    Map<String, Object> operation = (Map<String, Object>) entry.getValue();
                    String where = entry.getKey() + " " + path.getKey();
                    count++;
                    assertTrue(operation.get("operationId") instanceof String, where + ": no operationId");
                    String id = (String) operation.get("operationId");
                    assertTrue(id.matches("[a-z][A-Za-z]+"), where + ": operationId " + id);
                    assertTrue(ids.add(id), where + ": operationId " + id + " is used twice");
                    java.util.List<String> own = (java.util.List<String>) operation.get("tags");
                    assertTrue(own != null && own.size() == 1 && tags.contains(own.getFirst()), where + ": tags " + own);
                    assertTrue(operation.get("summary") instanceof String summary && !summary.isBlank(), where + ": no summary");
                    assertTrue(operation.get("description") instanceof String text && text.length() > 40, where + ": no description");
                    Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                    boolean open = java.util.List.of().equals(operation.get("security"));
                    assertEquals(!open, responses.containsKey("401"), where + ": 401 declared only where a token is needed");
                    if (!open && !entry.getKey().equals("get") && !path.getKey().startsWith("/debug/")) {
                        assertTrue(responses.containsKey("403"), where + ": a write may be forbidden");
                    }
                    assertTrue(responses.containsKey("500") && responses.containsKey("503"), where + ": a defect or an outage can happen anywhere");
                    responses.forEach((status, response) -> {
                        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response).get("content");
                        if (status.startsWith("2") && content != null) {
                            content.forEach((type, media) -> assertTrue(type.startsWith("image/") || type.equals("application/json")
                                    && path.getKey().startsWith("/docs/") || ((Map<String, Object>) media).containsKey("example"),
                                    where + " " + status + " " + type + ": no example"));
                        }
                    });
                }
            }
            assertEquals(count, ids.size());
            assertTrue(count > 20, "too few operations: " + count);
            Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("securitySchemes");
            assertEquals(Set.of("adminToken", "bearerJwt"), schemes.keySet());
        }
    }

    @Test
    void the_docs_page_is_served() {
        try (Application app = TestServers.start(TestDatabase.SQLITE)) {
            Http.Reply page = new Http(app.port()).get("/docs");
            assertEquals(200, page.status());
            assertTrue(page.text().contains("/openapi"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> operations(String yaml) {
        Map<String, Object> document = new Yaml().load(yaml);
        assertTrue(String.valueOf(document.get("openapi")).startsWith("3."));
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(key -> Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key))
                .forEach(method -> operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        return operations;
    }
}

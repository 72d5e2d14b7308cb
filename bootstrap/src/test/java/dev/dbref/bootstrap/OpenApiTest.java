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

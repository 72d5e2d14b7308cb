package dev.dbref.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The served OpenAPI document as a judge of responses: for a request to a documented operation,
 * the status must be declared, the declared required headers present, a declared header that is
 * present must match its pattern, and the body must match the declared schema of its media type
 * (networknt's OpenAPI 3.0 dialect, so {@code nullable}
 * counts). Requests to no documented operation (an unknown route, a wrong method) are not judged.
 */
public final class OpenApiDocument {
    private static final String ID = "urn:dbref:openapi";
    private static final Map<String, OpenApiDocument> LOADED = new ConcurrentHashMap<>();

    private final JsonNode root;
    private final SchemaRegistry schemas;
    private final List<PathTemplate> paths;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiDocument(String yaml) {
        this.root = YAMLMapper.builder().build().readTree(yaml);
        String json = JsonMapper.builder().build().writeValueAsString(root);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(ID, json)));
        List<PathTemplate> templates = new ArrayList<>();
        root.path("paths").propertyNames().forEach(p -> templates.add(PathTemplate.of(p)));
        templates.sort(Comparator.comparingInt(PathTemplate::parameters));
        this.paths = List.copyOf(templates);
    }

    /** The document {@code yaml}, parsed once per distinct text. */
    public static OpenApiDocument of(String yaml) {
        return LOADED.computeIfAbsent(yaml, OpenApiDocument::new);
    }

    /** What in this exchange the document does not describe; empty when it does, or when no operation is addressed. */
    public List<String> violations(String method, String path, int status, HttpHeaders headers, String body) {
        Optional<PathTemplate> template = paths.stream().filter(t -> t.matches(path)).findFirst();
        if (template.isEmpty()) {
            return List.of();
        }
        JsonNode operation = root.path("paths").path(template.get().text()).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            return List.of();
        }
        String where = method + " " + template.get().text() + " -> " + status;
        JsonNode responses = operation.path("responses");
        String code = String.valueOf(status);
        if (!responses.has(code)) {
            return List.of(where + ": status not declared (declared: " + String.join(", ", responses.propertyNames()) + ")");
        }
        String pointer = "/paths/" + escape(template.get().text()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + code;
        JsonNode response = responses.path(code);
        if (response.has("$ref")) {
            pointer = response.path("$ref").asString().substring(1);
            response = root.at(pointer);
        }
        List<String> found = new ArrayList<>();
        for (String name : response.path("headers").propertyNames()) {
            JsonNode header = resolve(response.path("headers").path(name));
            Optional<String> value = headers.firstValue(name);
            if (value.isEmpty()) {
                if (header.path("required").asBoolean(false)) {
                    found.add(where + ": required header " + name + " missing");
                }
                continue;
            }
            String pattern = header.path("schema").path("pattern").asString("");
            if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(value.get()).find()) {
                found.add(where + ": header " + name + ": '" + value.get() + "' does not match " + pattern);
            }
        }
        found.addAll(bodyViolations(where, pointer, response, headers, body));
        return found;
    }

    private List<String> bodyViolations(String where, String pointer, JsonNode response, HttpHeaders headers, String body) {
        JsonNode content = response.path("content");
        if (body.isEmpty()) {
            return content.isEmpty() ? List.of() : List.of(where + ": empty body, declared " + content.propertyNames());
        }
        String mediaType = headers.firstValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
        if (!content.has(mediaType)) {
            return List.of(where + ": media type '" + mediaType + "' not declared (declared: " + content.propertyNames() + ")");
        }
        if (!mediaType.endsWith("json") || !content.path(mediaType).has("schema")) {
            return List.of();
        }
        String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
        Schema schema = compiled.computeIfAbsent(schemaPointer, p -> schemas.getSchema(SchemaLocation.of(ID + "#" + p)));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        return errors.stream().map(e -> where + ": body " + e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    /** {@code node}, or the document's node its {@code $ref} names. */
    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? root.at(node.path("$ref").asString().substring(1)) : node;
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private record PathTemplate(String text, Pattern pattern, int parameters) {
        static PathTemplate of(String text) {
            String regex = Pattern.quote(text).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            return new PathTemplate(text, Pattern.compile(regex), text.split("\\{", -1).length - 1);
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}

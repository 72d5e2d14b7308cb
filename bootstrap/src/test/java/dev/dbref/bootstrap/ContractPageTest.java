package dev.dbref.bootstrap;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/api.md}, the contract in words, and the OpenAPI document name the same operations,
 * error statuses and headers, so that neither can drift from the other; and no link in the
 * repository's Markdown points outside the repository.
 */
class ContractPageTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final Pattern OPERATION = Pattern.compile("`(GET|PUT|POST|PATCH|DELETE) (/[^`?]*)`");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");

    @Test
    void the_page_and_the_document_name_the_same_operations() throws IOException {
        Set<String> documented = new TreeSet<>();
        paths().forEach((path, item) -> item.keySet().stream().filter(METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> named = new TreeSet<>();
        Matcher m = OPERATION.matcher(page());
        while (m.find()) {
            named.add(m.group(1) + " " + m.group(2));
        }
        assertTrue(documented.size() > 25, documented.toString());
        assertEquals(documented, named);
    }

    @Test
    void the_error_table_lists_every_error_status_of_the_document() throws IOException {
        Set<Integer> declared = new TreeSet<>();
        for (Map<String, Object> operation : operations()) {
            for (Object status : responses(operation).keySet()) {
                int code = Integer.parseInt(status.toString());
                if (code >= 400) {
                    declared.add(code);
                }
            }
        }
        Set<Integer> listed = new TreeSet<>();
        for (String row : tableRows("## Errors")) {
            listed.add(Integer.parseInt(row.split("\\|")[1].trim()));
        }
        // 405 is what the server answers for a method that no operation has: no operation declares it.
        declared.add(405);
        assertEquals(declared, listed);
    }

    @Test
    void the_header_table_names_every_header_of_the_document() throws IOException {
        Set<String> declared = new TreeSet<>();
        for (Map<String, Object> operation : operations()) {
            responses(operation).values().forEach(r -> declared.addAll(map(resolve(r).getOrDefault("headers", Map.of())).keySet()));
            for (Object p : (List<?>) operation.getOrDefault("parameters", List.of())) {
                Map<String, Object> parameter = resolve(p);
                if ("header".equals(parameter.get("in"))) {
                    declared.add((String) parameter.get("name"));
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        for (String row : tableRows("## Headers")) {
            Matcher names = Pattern.compile("`([A-Za-z-]+)`").matcher(row.split("\\|")[1]);
            while (names.find()) {
                listed.add(names.group(1));
            }
        }
        assertEquals(declared, listed);
    }

    @Test
    void no_markdown_link_points_outside_the_repository_or_nowhere() throws IOException {
        Path root = OpenApiLintTest.repositoryRoot().toRealPath();
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> Stream.of("node_modules", "target", ".git", ".cluster").noneMatch(d -> f.toString().contains("/" + d + "/")))
                    .toList()) {
                Matcher m = LINK.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1).split("#")[0];
                    if (target.isEmpty()) {
                        continue;
                    }
                    if (target.matches("^[a-z]+:.*")) {
                        if (!target.matches("^https?://(localhost|127\\.0\\.0\\.1)[:/].*")) {
                            broken.add(root.relativize(file) + ": " + m.group(1) + " leaves the repository");
                        }
                        continue;
                    }
                    Path resolved = file.getParent().resolve(target).normalize();
                    if (!resolved.startsWith(root)) {
                        broken.add(root.relativize(file) + ": " + m.group(1) + " points outside the repository");
                    } else if (!Files.exists(resolved)) {
                        broken.add(root.relativize(file) + ": " + m.group(1) + " points nowhere");
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    private static String page() throws IOException {
        return Files.readString(OpenApiLintTest.repositoryRoot().resolve("docs/api.md"));
    }

    /** The data rows of the first table after {@code heading}. */
    private static List<String> tableRows(String heading) throws IOException {
        String page = page();
        String section = page.substring(page.indexOf(heading));
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : section.split("\n")) {
            if (line.startsWith("|")) {
                inTable = true;
                if (!line.startsWith("|---") && !line.matches("\\| *(status|header|operation) *\\|.*")) {
                    rows.add(line);
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    private static Map<String, Object> document;

    private static synchronized Map<String, Object> document() {
        if (document == null) {
            document = ServedOpenApi.yaml();
        }
        return document;
    }

    private static Map<String, Map<String, Object>> paths() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document().get("paths");
        return paths;
    }

    private static List<Map<String, Object>> operations() throws IOException {
        List<Map<String, Object>> operations = new ArrayList<>();
        paths().values().forEach(item -> item.forEach((key, value) -> {
            if (METHODS.contains(key)) {
                operations.add(map(value));
            }
        }));
        return operations;
    }

    private static Map<String, Object> responses(Map<String, Object> operation) {
        return map(operation.get("responses"));
    }

    /** {@code node}, or what its {@code $ref} names in the document. */
    private static Map<String, Object> resolve(Object node) {
        Map<String, Object> value = map(node);
        if (!value.containsKey("$ref")) {
            return value;
        }
        Object target = document;
        for (String key : ((String) value.get("$ref")).substring(2).split("/")) {
            target = map(target).get(key);
        }
        return map(target);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}

package dev.dbref.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbref.testkit.Http;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The served {@code /openapi} through Spectral with {@code spectral:oas} and the OWASP API security
 * ruleset, as a team that receives the document runs it: 0 errors, 0 warnings, 0 hints. The
 * ruleset is the repository's {@code .spectral.yaml}, where each rule switched off says why; the
 * npm packages are pinned in {@code node/package-lock.json} and installed by {@code bin/test}.
 */
class OpenApiLintTest {

    @Test
    void the_served_document_passes_spectral_and_the_owasp_ruleset_without_a_finding() throws Exception {
        Path root = repositoryRoot();
        Path spectral = root.resolve("node/node_modules/.bin/spectral");
        assertTrue(Files.isExecutable(spectral), spectral + " is missing: bin/test installs it (npm ci --prefix node)");
        Path dir = Files.createDirectories(root.resolve("bootstrap/target/openapi-lint"));
        Path document = dir.resolve("openapi.yaml");
        Path findings = dir.resolve("findings.json");
        try (Application app = TestServers.start(TestDatabase.SQLITE)) {
            Http.Reply served = new Http(app.port()).get("/openapi");
            assertEquals(200, served.status());
            Files.writeString(document, served.text(), StandardCharsets.UTF_8);
        }
        Files.deleteIfExists(findings);

        Process lint = new ProcessBuilder(spectral.toString(), "lint", "--quiet", "--ruleset", root.resolve(".spectral.yaml").toString(),
                "--format", "json", "--output", findings.toString(), "--fail-severity", "hint", document.toString())
                .directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(120, TimeUnit.SECONDS), "spectral did not finish");

        assertTrue(Files.exists(findings), "spectral wrote no findings (exit " + lint.exitValue() + "): " + output);
        JsonNode results = new ObjectMapper().readTree(findings.toFile());
        List<String> lines = new ArrayList<>();
        results.forEach(r -> lines.add(r.path("code").asText() + " at " + r.path("path") + ": " + r.path("message").asText()));
        System.out.println("spectral:oas + OWASP API security ruleset on /openapi: " + lines.size() + " findings");
        assertEquals(List.of(), lines, "findings:\n" + String.join("\n", lines));
        assertEquals(0, lint.exitValue(), output);
    }

    static Path repositoryRoot() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".spectral.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IOException("no .spectral.yaml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}

package dev.dbref.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbref.testkit.Http;
import dev.dbref.testkit.TokenIssuer;
import dev.dbref.testkit.TestDatabase;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /docs} is Swagger UI served from the webjar: it renders the operations in a real headless
 * Chromium, its assets have the right types and a cache header, and no path outside its folder is
 * reachable; its Authorize button works with a bearer token. The OpenAPI document itself passes
 * swagger-parser's validation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiExplorerTest {
    private Application app;
    private Http http;

    @BeforeAll
    void start() {
        app = TestServers.start(TestDatabase.SQLITE);
        http = new Http(app.port());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void the_openapi_document_is_valid() {
        SwaggerParseResult result = new OpenAPIParser().readContents(http.get("/openapi").text(), null, null);
        assertEquals(List.of(), result.getMessages(), "OpenAPI validation messages");
        assertTrue(result.getOpenAPI().getPaths().containsKey("/products/{id}"));
    }

    @Test
    void every_asset_of_the_page_is_served_with_its_type_and_a_cache_header() {
        String page = http.get("/docs").text();
        assertTrue(page.contains("/docs/swagger-ui-bundle.js") && page.contains("/docs/dbref-init.js"), page);
        assertTrue(!page.contains("http://") && !page.contains("https://"), "the page names another host");
        for (String[] asset : new String[][] {{"swagger-ui-bundle.js", "text/javascript"}, {"swagger-ui-standalone-preset.js",
                "text/javascript"}, {"dbref-init.js", "text/javascript"}, {"swagger-ui.css", "text/css"},
                {"favicon-32x32.png", "image/png"}}) {
            Http.Reply reply = http.get("/docs/" + asset[0]);
            assertEquals(200, reply.status(), asset[0]);
            assertTrue(reply.contentType().startsWith(asset[1]), asset[0] + ": " + reply.contentType());
            assertTrue(reply.header("Cache-Control").contains("max-age"), asset[0]);
        }
        assertTrue(http.get("/docs/dbref-init.js").text().contains("\"/openapi\""));
    }

    @Test
    void no_path_outside_the_assets_is_reachable() {
        for (String path : List.of("/docs/..%2Fopenapi.yaml", "/docs/%2e%2e%2f%2e%2e%2fMETA-INF%2fMANIFEST.MF",
                "/docs/%2e%2e", "/docs/..", "/docs/%2Fetc%2Fpasswd", "/docs/swagger-ui.css%00.js", "/docs/index.html",
                "/docs/no-such-file.js", "/docs/.hidden.js", "/docs/pom.properties",
                "/docs/..%5C..%5Cpom.xml")) {
            Http.Reply reply = http.get(path);
            assertTrue(reply.status() == 404 || reply.status() == 400, path + " -> " + reply.status());
            assertTrue(!reply.text().contains("root:") && !reply.text().contains("Manifest-Version"), path + " leaked a file");
            if (reply.status() == 404 && path.startsWith("/docs/")) {
                assertTrue(reply.contentType().startsWith("application/problem+json"), path + ": " + reply.contentType());
            }
        }
    }

    @Test
    void a_real_browser_renders_the_operations() throws Exception {
        Path profile = Files.createTempDirectory("dbref-chromium-");
        Path screenshot = Path.of("target", "docs.png").toAbsolutePath();
        String url = "http://127.0.0.1:" + app.port() + "/docs";
        String dom = chromium(profile, "--dump-dom", url);
        assertTrue(dom.contains("data-path=\"/products/{id}\""), "the operations did not render:\n" + tail(dom));
        assertTrue(dom.contains("opblock-summary-method\">GET"), tail(dom));
        chromium(profile, "--screenshot=" + screenshot, url);
        assertTrue(Files.size(screenshot) > 10_000, "screenshot too small");
    }

    /**
     * The "Authorize" button takes a bearer token and the explorer then sends it: Playwright clicks
     * through /docs in Chromium against a server with authentication on, once without a token (401
     * shown) and once after Authorize (200 shown, the token in the request's Authorization).
     */
    @Test
    void authorize_in_the_browser_sends_the_bearer_token_with_try_it_out() throws Exception {
        TokenIssuer issuer = TokenIssuer.create();
        Path keys = Files.createTempDirectory("dbref-jwks-");
        Path jwks = issuer.jwksFile(keys);
        String token = issuer.token("docs-reader");
        try (Application guarded = TestServers.start(TestDatabase.SQLITE, Map.of("AUTH_JWKS_FILE", jwks.toString(),
                "AUTH_ISSUER", TokenIssuer.ISSUER, "AUTH_AUDIENCE", TokenIssuer.AUDIENCE))) {
            String base = "http://127.0.0.1:" + guarded.port();
            JsonNode anonymous = tryItOut(base, "-");
            assertEquals("401", anonymous.path("status").asText(), anonymous.toString());
            assertEquals("", anonymous.path("authorization").asText(), anonymous.toString());

            JsonNode authorized = tryItOut(base, token);
            assertEquals("200", authorized.path("status").asText(), authorized.toString());
            assertEquals("Bearer " + token, authorized.path("authorization").asText());
        }
    }

    private static JsonNode tryItOut(String base, String token) throws Exception {
        Path script = OpenApiLintTest.repositoryRoot().resolve("node/authorize-in-docs.mjs");
        Process process = new ProcessBuilder("node", script.toString(), base, token).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the browser did not finish");
        assertEquals(0, process.exitValue(), out);
        String last = out.substring(out.lastIndexOf('\n') + 1);
        return new ObjectMapper().readTree(last);
    }

    /** Headless Chromium from the distribution; scripts get ten seconds of virtual time to run. */
    private static String chromium(Path profile, String action, String url) throws Exception {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1000", "--hide-scrollbars",
                "--virtual-time-budget=10000", action, url));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        return out;
    }

    private static String tail(String dom) {
        return dom.length() < 2000 ? dom : dom.substring(dom.length() - 2000);
    }
}

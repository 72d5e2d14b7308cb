package dev.dbref.web.docs;

import dev.dbref.web.http.Responses;
import dev.dbref.web.http.Route;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /openapi}: the OpenAPI 3 document of the API, written by hand next to the code
 * ({@code openapi.yaml}); a test compares its operations with the registered routes both ways.
 * {@code GET /docs}: Swagger UI over that document, every asset served from here ({@link DocsAssets}).
 */
public final class OpenApiRoutes {
    static final String RESOURCE = "/dev/dbref/web/openapi.yaml";
    private static final HttpMediaType YAML = HttpMediaType.create("application/yaml; charset=utf-8");
    private static final HttpMediaType HTML = HttpMediaType.create("text/html; charset=utf-8");

    private final byte[] document = load(RESOURCE);
    private final byte[] page = load("/dev/dbref/web/docs.html");
    private final DocsAssets assets = new DocsAssets();

    public List<Route> routes() {
        return List.of(Route.get("/openapi", this::openapi), Route.get("/docs", this::docs),
                Route.get("/docs/{asset}", assets::serve));
    }

    private void openapi(ServerRequest req, ServerResponse res) {
        res.status(Status.OK_200);
        res.headers().contentType(YAML);
        Responses.send(res, document);
    }

    private void docs(ServerRequest req, ServerResponse res) {
        res.status(Status.OK_200);
        res.headers().contentType(HTML);
        Responses.send(res, page);
    }

    private static byte[] load(String resource) {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.dbref.web.docs;

import dev.dbref.web.http.HttpProblem;
import dev.dbref.web.http.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code GET /docs/{asset}}: Swagger UI's files from the {@code org.webjars:swagger-ui} jar (and our
 * one start script), so the explorer loads nothing from other hosts. A new way into the server, so
 * a narrow one: an asset is a single plain file name (no {@code /}, no {@code ..}, however encoded)
 * with a known type, looked up in two classpath folders only; anything else is a 404.
 */
public final class DocsAssets {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");
    private static final String OURS = "/dev/dbref/web/docs/";
    private static final Map<String, HttpMediaType> TYPES = Map.of(
            ".js", HttpMediaType.create("text/javascript; charset=utf-8"),
            ".css", HttpMediaType.create("text/css; charset=utf-8"),
            ".png", HttpMediaType.create("image/png"),
            ".map", HttpMediaType.create("application/json; charset=utf-8"));
    /** The assets change only with the jar's version: clients may keep them for a day. */
    private static final String CACHE = "public, max-age=86400";

    private final String webjar = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";

    void serve(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("asset");
        Optional<HttpMediaType> type = typeOf(name);
        byte[] body = type.isEmpty() ? null : read(OURS + name).or(() -> read(webjar + name)).orElse(null);
        if (body == null) {
            throw HttpProblem.notFound("no such asset of the API explorer");
        }
        res.status(Status.OK_200);
        res.headers().contentType(type.get());
        res.header(HeaderNames.CACHE_CONTROL, CACHE);
        res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        Responses.send(res, body);
    }

    public static Optional<HttpMediaType> typeOf(String name) {
        if (!FILE_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(TYPES.get(name.substring(dot)));
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = DocsAssets.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        try (InputStream in = DocsAssets.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

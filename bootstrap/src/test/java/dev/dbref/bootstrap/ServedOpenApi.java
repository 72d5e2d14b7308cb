package dev.dbref.bootstrap;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The document {@code /openapi} serves: the web adapter's resource, byte for byte (OpenApiRoutes), read without a server. */
final class ServedOpenApi {
    private ServedOpenApi() {
    }

    static String text() {
        try (InputStream in = ServedOpenApi.class.getResourceAsStream("/dev/dbref/web/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> yaml() {
        return new Yaml().load(text());
    }
}

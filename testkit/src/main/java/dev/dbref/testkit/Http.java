package dev.dbref.testkit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A small JSON client over {@link java.net.http.HttpClient}, as an API user would call the service. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String base;
    /** Empty: this client sends no token by itself. */
    private final Optional<AtomicReference<String>> lastWrite;
    /** Sent as {@code Authorization: Bearer ...} with every request that names no Authorization itself. */
    private final Optional<String> bearer;
    /** Present: every reply is checked against it, and one it does not describe fails the test. */
    private final Optional<OpenApiDocument> document;

    public Http(int port) {
        this(port, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private Http(int port, Optional<AtomicReference<String>> lastWrite, Optional<String> bearer,
                 Optional<OpenApiDocument> document) {
        this.base = "http://127.0.0.1:" + port;
        this.lastWrite = lastWrite;
        this.bearer = bearer;
        this.document = document;
        this.port = port;
    }

    /** This client, sending {@code token} with every request that carries no Authorization of its own. */
    public Http authorizedBy(String token) {
        return new Http(port, lastWrite, Optional.of(token), document);
    }

    /**
     * This client, failing with an {@link AssertionError} on any reply that the service's own
     * {@code /openapi} does not describe: an undeclared status, a missing required header, a header
     * off its pattern, a body off its schema ({@link OpenApiDocument}).
     */
    public Http checkedAgainstItsDocument() {
        Reply served = new Http(port).get("/openapi");
        if (served.status() != 200) {
            throw new AssertionError("GET /openapi: " + served);
        }
        return new Http(port, lastWrite, bearer, Optional.of(OpenApiDocument.of(served.text())));
    }

    /**
     * A client that reads its own writes as API.md tells clients to: it sends the
     * {@code Consistency-Token} of its last write with every {@code GET} that names none itself. On
     * an asynchronous standby a read without it may be stale; with it, a stale read is a routing bug.
     */
    public static Http readingItsWrites(int port) {
        return new Http(port, Optional.of(new AtomicReference<>()), Optional.empty(), Optional.empty());
    }

    public Reply get(String path) {
        return send(request(path).GET().build());
    }

    public Reply getWith(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(body(json)).build());
    }

    public Reply postWith(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").POST(body(json)).build());
    }

    public Reply put(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").PUT(body(json)).build());
    }

    public Reply patch(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").method("PATCH", body(json)).build());
    }

    public Reply delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    public Reply send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        boolean ownAuthorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!ownAuthorization) {
            bearer.ifPresent(token -> b.header("Authorization", "Bearer " + token));
        }
        return b;
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    private Reply send(HttpRequest request) {
        if (lastWrite.isPresent() && lastWrite.get().get() != null && request.method().equals("GET")
                && request.headers().firstValue("Consistency-Token").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Consistency-Token", lastWrite.get().get()).build();
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("Consistency-Token").ifPresent(token -> lastWrite.ifPresent(t -> t.set(token)));
            document.ifPresent(d -> judge(d, response));
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void judge(OpenApiDocument document, HttpResponse<String> response) {
        List<String> violations = document.violations(response.request().method(), response.uri().getRawPath(),
                response.statusCode(), response.headers(), response.body());
        if (!violations.isEmpty()) {
            throw new AssertionError("the reply is not as /openapi describes it:\n  " + String.join("\n  ", violations)
                    + "\nreply: " + response.statusCode() + " " + response.headers().map() + "\n" + response.body());
        }
    }

    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String text() {
            return response.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}

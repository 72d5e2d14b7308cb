package dev.dbref.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * {@code dbref train}: starts the service on an in-memory SQLite database and sends it every kind
 * of request, then stops. Run under {@code -XX:AOTCacheOutput=...} (JDK 25+), it records which
 * classes the service loads and links, so later starts with {@code -XX:AOTCache=...} skip that
 * work: {@code bin/serve} does this once per build.
 */
final class Training {
    private static final int ROUNDS = 300;

    private Training() {
    }

    static int run(Map<String, String> env) throws IOException, InterruptedException {
        Map<String, String> settings = new java.util.HashMap<>(env);
        settings.put("DATABASE_URL", "sqlite::memory:");
        settings.put("PORT", "0");
        settings.put("HOST", "127.0.0.1");
        settings.put("REQUEST_LOG", "false");
        try (Application app = Application.start(SettingsLoader.load(settings))) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            for (int i = 1; i <= ROUNDS; i++) {
                send(client, "POST", base + "/products", "{\"name\": \"p" + i + "\", \"price\": 1.5, \"quantity\": 2}");
                send(client, "GET", base + "/products/" + i, null);
                send(client, "PATCH", base + "/products/" + i, "{\"quantity\": 3}");
                send(client, "GET", base + "/products?limit=20&skip=" + (i % 10) + "&sort=-price&name_contains=p", null);
                send(client, "POST", base + "/users", "{\"email\": \"u" + i + "@example.com\", \"username\": \"user" + i + "\"}");
                send(client, "POST", base + "/users/" + i + "/posts", "{\"title\": \"t\"}");
                send(client, "GET", base + "/users?include=posts&limit=20", null);
                send(client, "GET", base + "/posts?include=user&limit=20", null);
                send(client, "POST", base + "/products", "{\"name\": \"\"}");
                send(client, "GET", base + "/products/abc", null);
            }
            send(client, "POST", base + "/products/bulk", "[{\"name\": \"b\", \"price\": 1}, {\"name\": \"c\", \"price\": 2}]");
            send(client, "DELETE", base + "/products?quantity=3", null);
            send(client, "GET", base + "/observe/health", null);
            send(client, "GET", base + "/observe/metrics", null);
        }
        return Main.OK;
    }

    private static void send(HttpClient client, String method, String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        client.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
    }
}

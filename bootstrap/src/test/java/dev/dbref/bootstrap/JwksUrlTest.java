package dev.dbref.bootstrap;

import com.sun.net.httpserver.HttpServer;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.Http;
import dev.dbref.testkit.Ports;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.TokenIssuer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code AUTH_JWKS_URL}: keys are fetched, cached, fetched again for a key that was added, kept
 * while the JWKS host is down; with the host down and no cached key that fits, 503, never 500.
 */
class JwksUrlTest {
    private static final String PRODUCT = "{\"name\": \"keyed\", \"price\": 1}";

    /** A JWKS endpoint whose document the test changes, counting its fetches. */
    private static final class JwksHost implements AutoCloseable {
        final AtomicReference<String> document = new AtomicReference<>();
        final AtomicInteger fetches = new AtomicInteger();
        private final HttpServer server;

        JwksHost(String jwks) throws IOException {
            document.set(jwks);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks.json", exchange -> {
                fetches.incrementAndGet();
                byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static Application serviceWith(String jwksUrl) {
        return TestServers.start(TestDatabase.SQLITE, Map.of("AUTH_JWKS_URL", jwksUrl,
                "AUTH_ISSUER", TokenIssuer.ISSUER, "AUTH_AUDIENCE", TokenIssuer.AUDIENCE));
    }

    private static Http.Reply create(Http http, String token) {
        return http.postWith("/products", PRODUCT, "Authorization", "Bearer " + token);
    }

    @Test
    @SuppressWarnings("try") // the JWKS host is closed inside its try on purpose: the cached keys must outlive it
    void a_key_added_to_the_jwks_is_fetched_when_a_token_names_it_and_cached_keys_outlive_the_host() throws Exception {
        TokenIssuer first = TokenIssuer.create("g1");
        TokenIssuer next = TokenIssuer.create("g2");
        try (JwksHost host = new JwksHost(first.jwks()); Application app = serviceWith(host.url())) {
            Http http = new Http(app.port()).checkedAgainstItsDocument();
            assertEquals(201, create(http, first.token("ada", "products:write")).status());
            assertEquals(201, create(http, first.token("ada", "products:write")).status());
            assertEquals(1, host.fetches.get(), "the JWKS is cached");

            // The rotation while requests run: clients with the old key keep being served throughout.
            String old = first.token("ada", "products:write");
            AtomicBoolean running = new AtomicBoolean(true);
            List<Integer> statuses = new CopyOnWriteArrayList<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        statuses.add(http.getWith("/products?limit=1", "Authorization", "Bearer " + old).status());
                    }
                }));
            }
            Eventually.until("requests run", () -> statuses.size() > 20);
            host.document.set(TokenIssuer.jwks(List.of(first, next)));
            Http.Reply rotated = create(http, next.token("ada", "products:write"));
            assertEquals(201, rotated.status(), rotated.toString());
            int before = statuses.size();
            Eventually.until("more requests run after the rotation", () -> statuses.size() > before + 20);
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
            assertTrue(statuses.stream().allMatch(s -> s == 200), "a request failed during the rotation: " + statuses);
            assertEquals(2, host.fetches.get(), "an unknown kid fetched the JWKS again, once");

            host.document.set(next.jwks());
            try (Application fresh = serviceWith(host.url())) {
                Http another = new Http(fresh.port());
                assertEquals(201, create(another, next.token("ada", "products:write")).status());
                Http.Reply retired = create(another, first.token("ada", "products:write"));
                assertEquals(401, retired.status(), "a key removed from the JWKS verifies nothing once fetched: " + retired);
            }

            host.close();
            assertEquals(201, create(http, next.token("ada", "products:write")).status(), "the cached keys still verify");
        }
    }

    @Test
    void with_the_jwks_host_down_and_no_cached_key_the_answer_is_503() throws Exception {
        try (Application app = serviceWith("http://127.0.0.1:" + Ports.free() + "/jwks.json")) {
            Http http = new Http(app.port()).checkedAgainstItsDocument();
            Http.Reply reply = create(http, TokenIssuer.create().token("ada", "products:write"));
            assertEquals(503, reply.status(), reply.toString());
            assertTrue(reply.header("Retry-After") != null);
            assertTrue(reply.json().get("detail").asText().startsWith("the keys that verify tokens cannot be fetched now"),
                    reply.toString());
            assertEquals(200, http.get("/observe/health/live").status());
        }
    }
}

package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.TokenIssuer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code RATE_LIMIT} per caller, as a flood would try it: the burst equals the limit, then 429
 * with {@code Retry-After}; refused tokens count against the address; {@code X-Forwarded-For}
 * changes nothing unless the peer is a trusted proxy; health and the documents are not counted.
 */
class RateLimitApiTest {
    private static final TokenIssuer ISSUER = TokenIssuer.create();

    private static Application start(Map<String, String> env) {
        return TestServers.start(TestDatabase.SQLITE, env);
    }

    private static Map<String, String> withTokens(String limit) throws Exception {
        Path jwks = ISSUER.jwksFile(Files.createTempDirectory("dbref-jwks-"));
        return Map.of("RATE_LIMIT", limit, "AUTH_JWKS_FILE", jwks.toString(),
                "AUTH_ISSUER", TokenIssuer.ISSUER, "AUTH_AUDIENCE", TokenIssuer.AUDIENCE);
    }

    @Test
    void the_burst_is_the_limit_then_429_with_retry_after_and_the_headers() {
        try (Application app = start(Map.of("RATE_LIMIT", "5/min"))) {
            Http http = new Http(app.port()).checkedAgainstItsDocument();
            for (int remaining = 4; remaining >= 0; remaining--) {
                Http.Reply ok = http.get("/products");
                assertEquals(200, ok.status());
                assertEquals("\"default\";q=5;w=60", ok.header("RateLimit-Policy"));
                assertTrue(ok.header("RateLimit").startsWith("\"default\";r=" + remaining + ";t="), ok.header("RateLimit"));
            }
            Http.Reply over = http.post("/products", "{\"name\": \"flood\", \"price\": 1}");
            assertEquals(429, over.status(), over.toString());
            assertTrue(Integer.parseInt(over.header("Retry-After")) >= 1, over.header("Retry-After"));
            assertEquals("application/problem+json", over.contentType());
            assertTrue(over.header("RateLimit").startsWith("\"default\";r=0;"), over.header("RateLimit"));

            Http.Reply health = http.get("/observe/health");
            assertEquals(200, health.status(), "health is never counted");
            assertNull(health.header("RateLimit"));
            assertEquals(200, http.get("/openapi").status());
            assertEquals(200, http.get("/observe/metrics").status());
            assertEquals(429, http.get("/products?total=exact").status(), "still limited");
        }
    }

    @Test
    void x_forwarded_for_from_an_untrusted_peer_does_not_make_a_new_caller() {
        try (Application app = start(Map.of("RATE_LIMIT", "3/min"))) {
            Http http = new Http(app.port()).checkedAgainstItsDocument();
            int limited = 0;
            for (int i = 0; i < 6; i++) {
                if (http.getWith("/products", "X-Forwarded-For", "198.51.100." + i).status() == 429) {
                    limited++;
                }
            }
            assertEquals(3, limited);
        }
        try (Application app = start(Map.of("RATE_LIMIT", "3/min", "TRUSTED_PROXIES", "127.0.0.0/8"))) {
            Http http = new Http(app.port()).checkedAgainstItsDocument();
            for (int i = 0; i < 6; i++) {
                assertEquals(200, http.getWith("/products", "X-Forwarded-For", "198.51.100." + i).status(),
                        "behind a trusted proxy each client has its own bucket");
            }
        }
    }

    @Test
    void each_token_subject_has_its_own_bucket_and_refused_tokens_count_against_the_address() throws Exception {
        try (Application app = start(withTokens("3/min"))) {
            Http http = new Http(app.port()).checkedAgainstItsDocument();
            String ada = "Bearer " + ISSUER.token("ada");
            for (int i = 0; i < 3; i++) {
                assertEquals(200, http.getWith("/products", "Authorization", ada).status());
            }
            assertEquals(429, http.getWith("/products", "Authorization", ada).status());
            assertEquals(200, http.getWith("/products", "Authorization", "Bearer " + ISSUER.token("bob")).status());

            for (int i = 0; i < 3; i++) {
                assertEquals(401, http.getWith("/products", "Authorization", "Bearer forged.token.here").status());
            }
            assertEquals(429, http.get("/products").status(), "401s count: a token guesser is limited too");
        }
    }
}

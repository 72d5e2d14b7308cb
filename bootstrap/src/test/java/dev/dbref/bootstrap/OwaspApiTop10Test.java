package dev.dbref.bootstrap;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.dbref.testkit.Http;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.TokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OWASP API Security Top 10 items that apply, walked against the real server with bearer
 * tokens on, on each database: broken object-level authorization (someone else's user and
 * posts), broken authentication (no token, forged, expired, not yet valid, another issuer or
 * audience, {@code alg: none}, HMAC with the public key, an unknown key), broken function-level
 * authorization (a missing scope, the debug endpoint), mass assignment ({@code owner_subject},
 * {@code user_id}, {@code id}, {@code version} in a body) and unrestricted resource use (body
 * size, the {@code limit} cap, the bulk cap; the rate limit is {@link RateLimitApiTest}'s).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass
@EnumSource(TestDatabase.class)
class OwaspApiTop10Test {
    private static final String PRODUCT = "{\"name\": \"guarded\", \"price\": 1}";

    @Parameter
    TestDatabase database;
    private final TokenIssuer issuer = TokenIssuer.create();
    private Application app;
    private Http http;

    @BeforeParameterizedClassInvocation
    void start() throws java.io.IOException {
        Path keys = Files.createTempDirectory("dbref-jwks-");
        keys.toFile().deleteOnExit();
        Path jwks = issuer.jwksFile(keys);
        jwks.toFile().deleteOnExit();
        app = TestServers.start(database, Map.of("AUTH_JWKS_FILE", jwks.toString(),
                "AUTH_ISSUER", TokenIssuer.ISSUER, "AUTH_AUDIENCE", TokenIssuer.AUDIENCE,
                "DEBUG_ENDPOINTS", "true", "ADMIN_TOKEN", "the-admin-token"));
        http = new Http(app.port()).checkedAgainstItsDocument();
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.close();
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private Http.Reply createProduct(String token) {
        return http.postWith("/products", PRODUCT, bearer(token));
    }

    @Test
    void a_request_without_a_token_gets_401_with_the_realm_and_no_error() {
        Http.Reply reply = http.post("/products", PRODUCT);
        assertEquals(401, reply.status(), reply.toString());
        assertEquals("Bearer realm=\"dbref\"", reply.header("WWW-Authenticate"));
        assertEquals("application/problem+json", reply.contentType());
        assertEquals(401, http.get("/products").status(), "reads need a token too");
        assertEquals(200, http.get("/observe/health").status());
        assertEquals(200, http.get("/observe/health/live").status());
        assertEquals(200, http.get("/openapi").status());
        assertEquals(200, http.get("/docs").status());
    }

    @Test
    void a_valid_token_of_each_allowed_algorithm_is_accepted() {
        JWTClaimsSet writer = TokenIssuer.claims("writer", "products:write").build();
        for (String token : List.of(issuer.rs256(writer), issuer.es256(writer), issuer.edDsa(writer))) {
            Http.Reply reply = createProduct(token);
            assertEquals(201, reply.status(), token.substring(0, 30) + ": " + reply);
        }
        assertEquals(200, http.getWith("/products", bearer(issuer.token("reader"))).status(), "any valid token may read");
    }

    @Test
    void every_kind_of_bad_token_gets_401_invalid_token_and_writes_nothing() {
        Instant now = Instant.now();
        Map<String, String> bad = Map.of(
                "forged", issuer.forged(TokenIssuer.claims("mallory", "admin").build()),
                "expired", issuer.rs256(TokenIssuer.claims("mallory", "products:write")
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(2)))).build()),
                "not yet valid", issuer.rs256(TokenIssuer.claims("mallory", "products:write")
                        .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(3)))).build()),
                "another issuer", issuer.rs256(TokenIssuer.claims("mallory", "products:write").issuer("https://evil.test").build()),
                "another audience", issuer.rs256(TokenIssuer.claims("mallory", "products:write").audience("other-api").build()),
                "alg none", TokenIssuer.unsigned(TokenIssuer.claims("mallory", "admin").build()),
                "HMAC with the public key", issuer.hmac(TokenIssuer.claims("mallory", "admin").build()),
                "unknown kid", issuer.unknownKid(TokenIssuer.claims("mallory", "admin").build()),
                "garbage", "not.a.jwt");
        long before = productCount();
        bad.forEach((what, token) -> {
            Http.Reply reply = createProduct(token);
            assertEquals(401, reply.status(), what + ": " + reply);
            assertEquals("Bearer realm=\"dbref\", error=\"invalid_token\"", reply.header("WWW-Authenticate"), what);
            String detail = reply.json().get("detail").asText();
            assertFalse(detail.isBlank() || detail.contains(token) || detail.contains("Exception") || detail.contains("com."),
                    what + ": " + detail);
        });
        assertEquals(before, productCount());
    }

    @Test
    void a_refused_request_borrows_no_connection() {
        long before = acquisitions();
        for (int i = 0; i < 50; i++) {
            assertEquals(401, http.get("/products/1").status());
            assertEquals(401, createProduct(issuer.forged(TokenIssuer.claims("mallory", "admin").build())).status());
        }
        // 100 refusals; at most one borrow of the minute's housekeeping may fall in between.
        assertTrue(acquisitions() - before <= 1, "refused requests borrowed connections: " + (acquisitions() - before));
    }

    /** HikariCP's count of connections handed out by the primary pool. */
    private long acquisitions() {
        String metrics = http.getWith("/observe/metrics", bearer(issuer.token("root", "admin"))).text();
        return metrics.lines().filter(l -> l.startsWith("hikaricp_connections_acquire_seconds_count{pool=\"primary\"}"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no acquire count in the metrics"));
    }

    @Test
    void expiry_is_checked_with_sixty_seconds_of_leeway() {
        String justExpired = issuer.rs256(TokenIssuer.claims("late", "products:write")
                .expirationTime(Date.from(Instant.now().minusSeconds(20))).build());
        assertEquals(201, createProduct(justExpired).status());
    }

    @Test
    void a_write_without_its_scope_gets_403_naming_the_scope() {
        Http.Reply reply = createProduct(issuer.token("reader", "users:write"));
        assertEquals(403, reply.status(), reply.toString());
        assertEquals("this needs the scope products:write", reply.json().get("detail").asText());
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"products:write\"", reply.header("WWW-Authenticate"));
        Http.Reply user = http.postWith("/users", "{\"email\": \"s@example.com\", \"username\": \"scoped\"}",
                bearer(issuer.token("reader", "products:write")));
        assertEquals(403, user.status(), user.toString());
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"users:write\"", user.header("WWW-Authenticate"));
        assertEquals(201, createProduct(issuer.token("root", "admin")).status(), "admin may do everything");
    }

    @Test
    void only_the_owner_or_admin_changes_a_user_and_its_posts() {
        String ada = issuer.token("ada", "users:write");
        String bob = issuer.token("bob", "users:write");
        String admin = issuer.token("root", "admin");
        long user = http.postWith("/users", "{\"email\": \"ada@example.com\", \"username\": \"ada\"}", bearer(ada))
                .json().get("id").asLong();
        long post = http.postWith("/users/" + user + "/posts", "{\"title\": \"mine\"}", bearer(ada)).json().get("id").asLong();

        String usersOwn = "user " + user + " belongs to another caller";
        String postsOwn = "post " + post + " belongs to another caller";
        assertForbidden(http.patch("/users/" + user, "{\"username\": \"bob\"}", bearer(bob)), usersOwn);
        assertForbidden(http.delete("/users/" + user, bearer(bob)), usersOwn);
        assertForbidden(http.postWith("/users/" + user + "/posts", "{\"title\": \"theirs\"}", bearer(bob)), usersOwn);
        assertForbidden(http.patch("/posts/" + post, "{\"title\": \"taken\"}", bearer(bob)), postsOwn);
        assertForbidden(http.delete("/posts/" + post, bearer(bob)), postsOwn);
        assertEquals("mine", http.getWith("/posts/" + post, bearer(bob)).json().get("title").asText(), "anyone may read");
        assertEquals(404, http.delete("/users/" + (user + 1000), bearer(bob)).status(), "what does not exist is a 404");

        assertEquals(200, http.patch("/users/" + user, "{\"username\": \"ada2\"}", bearer(ada)).status());
        assertEquals(200, http.patch("/posts/" + post, "{\"title\": \"edited\"}", bearer(admin)).status());
        assertEquals(204, http.delete("/users/" + user, bearer(admin)).status());
    }

    @Test
    void ids_versions_and_a_posts_user_cannot_be_assigned_through_the_body() {
        String writer = issuer.token("writer", "products:write", "users:write");
        Http.Reply withId = http.postWith("/products", "{\"id\": 99, \"name\": \"x\", \"price\": 1}", bearer(writer));
        assertEquals(422, withId.status(), withId.toString());
        assertEquals("id", withId.json().get("errors").get(0).get("field").asText());
        long product = createProduct(writer).json().get("id").asLong();
        Http.Reply withVersion = http.patch("/products/" + product, "{\"version\": 7}", bearer(writer));
        assertEquals(422, withVersion.status(), withVersion.toString());
        assertEquals("version", withVersion.json().get("errors").get(0).get("field").asText());

        long user = http.postWith("/users", "{\"email\": \"w@example.com\", \"username\": \"writer\"}", bearer(writer))
                .json().get("id").asLong();
        Http.Reply moved = http.postWith("/users/" + user + "/posts", "{\"title\": \"t\", \"user_id\": " + (user + 1) + "}",
                bearer(writer));
        assertEquals(422, moved.status(), moved.toString());
        assertEquals("user_id", moved.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void resource_use_is_capped_before_any_database_work() {
        String writer = issuer.token("writer", "products:write");
        Http.Reply tooLarge = http.postWith("/products", "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"price\": 1}",
                bearer(writer));
        assertEquals(413, tooLarge.status());
        Http.Reply tooMany = http.getWith("/products?limit=1001", bearer(writer));
        assertEquals(400, tooMany.status(), tooMany.toString());
        assertTrue(tooMany.json().get("detail").asText().contains("limit"), tooMany.toString());
        String bulk = "[" + String.join(",", java.util.Collections.nCopies(1001, PRODUCT)) + "]";
        Http.Reply tooBig = http.postWith("/products/bulk", bulk, bearer(writer));
        assertEquals(422, tooBig.status(), tooBig.toString());
        assertTrue(tooBig.json().get("errors").get(0).get("message").asText().contains("1 to 1000"), tooBig.toString());
    }

    @Test
    void an_owner_cannot_be_assigned_through_the_body() {
        String ada = issuer.token("ada", "users:write");
        Http.Reply planted = http.postWith("/users", "{\"email\": \"m@example.com\", \"username\": \"mass\", "
                + "\"owner_subject\": \"bob\"}", bearer(ada));
        assertEquals(422, planted.status(), planted.toString());
        long user = http.postWith("/users", "{\"email\": \"m@example.com\", \"username\": \"mass\"}", bearer(ada))
                .json().get("id").asLong();
        Http.Reply handover = http.patch("/users/" + user, "{\"owner_subject\": \"bob\"}", bearer(ada));
        assertEquals(422, handover.status(), handover.toString());
        assertEquals(403, http.delete("/users/" + user, bearer(issuer.token("bob", "users:write"))).status(),
                "bob did not become the owner");
    }

    @Test
    void idempotency_keys_are_each_callers_own() {
        String key = "shared-key-" + System.nanoTime();
        Http.Reply ada = http.postWith("/products", "{\"name\": \"ada's\", \"price\": 1}",
                "Authorization", "Bearer " + issuer.token("ada", "products:write"), "Idempotency-Key", key);
        Http.Reply bob = http.postWith("/products", "{\"name\": \"bob's\", \"price\": 2}",
                "Authorization", "Bearer " + issuer.token("bob", "products:write"), "Idempotency-Key", key);
        assertEquals(201, ada.status(), ada.toString());
        assertEquals(201, bob.status(), "the same key of another caller is another key: " + bob);
        assertTrue(bob.header("Idempotent-Replayed") == null);
    }

    @Test
    void the_debug_endpoint_takes_the_admin_token_or_the_admin_scope() {
        assertEquals(200, http.getWith("/debug/connections", bearer("the-admin-token")).status());
        assertEquals(200, http.getWith("/debug/connections", bearer(issuer.token("root", "admin"))).status());
        Http.Reply notAdmin = http.getWith("/debug/connections", bearer(issuer.token("ada", "products:write")));
        assertEquals(403, notAdmin.status(), notAdmin.toString());
        assertEquals(401, http.get("/debug/connections").status());
        assertEquals(401, http.getWith("/debug/connections", bearer("a-wrong-token")).status());
    }

    /** 403 problem+json that says why, and no scope header: ownership is no scope. */
    private static void assertForbidden(Http.Reply reply, String detail) {
        assertEquals(403, reply.status(), reply.toString());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals(detail, reply.json().get("detail").asText());
        assertEquals(null, reply.header("WWW-Authenticate"), reply.toString());
    }

    private long productCount() {
        return http.getWith("/products?total=exact&limit=1", bearer(issuer.token("counter"))).json().get("total").asLong();
    }
}

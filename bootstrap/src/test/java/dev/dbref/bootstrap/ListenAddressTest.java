package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.TokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Safe by default: the service listens on this machine only, unless told on purpose that anyone may call it. */
class ListenAddressTest {
    private static Settings load(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("DATABASE_URL", "sqlite::memory:"));
        all.putAll(env);
        return SettingsLoader.load(all);
    }

    @Test
    void the_default_is_the_loopback_address() {
        assertEquals("127.0.0.1", load(Map.of()).server().host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1", "127.0.0.2"})
    void loopback_addresses_need_nothing_more(String host) {
        assertEquals(host, load(Map.of("HOST", host)).server().host());
    }

    @Test
    void any_other_address_without_authentication_refuses_to_start_in_one_line() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"serve"}, Map.of("DATABASE_URL", TestDatabase.SQLITE.freshUrl(), "HOST", "0.0.0.0"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(code != 0, "exit code " + code);
        assertEquals(1, message.strip().lines().count(), message);
        assertTrue(message.contains("HOST=0.0.0.0 accepts requests from other machines, and authentication is off"), message);
        assertTrue(message.contains("set AUTH_MODE=none to mean it"), message);
    }

    @Test
    void auth_mode_none_says_it_on_purpose_and_the_service_serves_on_every_address() throws Exception {
        try (Application app = TestServers.start(TestDatabase.SQLITE, Map.of("HOST", "0.0.0.0", "AUTH_MODE", "none"))) {
            assertEquals(200, new Http(app.port()).get("/observe/health").status());
        }
    }

    @Test
    void an_unknown_auth_mode_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(Map.of("AUTH_MODE", "basic")));
        assertTrue(e.getMessage().startsWith("AUTH_MODE must be none or jwt"), e.getMessage());
    }

    @Test
    void jwt_needs_a_jwks_and_a_jwks_needs_its_issuer_and_audience() throws Exception {
        IllegalArgumentException noKeys = assertThrows(IllegalArgumentException.class, () -> load(Map.of("AUTH_MODE", "jwt")));
        assertTrue(noKeys.getMessage().startsWith("AUTH_MODE=jwt needs AUTH_JWKS_URL or AUTH_JWKS_FILE"), noKeys.getMessage());
        Path jwks = TokenIssuer.create().jwksFile(java.nio.file.Files.createTempDirectory("dbref-jwks-"));
        IllegalArgumentException noIssuer = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("AUTH_JWKS_FILE", jwks.toString(), "AUTH_AUDIENCE", "api")));
        assertEquals("AUTH_ISSUER and AUTH_AUDIENCE are required with AUTH_JWKS_URL or AUTH_JWKS_FILE", noIssuer.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> load(Map.of(
                "AUTH_JWKS_FILE", jwks.toString(), "AUTH_ISSUER", "i", "AUTH_AUDIENCE", "a", "AUTH_MODE", "none")));
        assertTrue(both.getMessage().startsWith("AUTH_MODE=none contradicts"), both.getMessage());
        IllegalArgumentException notHttp = assertThrows(IllegalArgumentException.class, () -> load(Map.of(
                "AUTH_JWKS_URL", "file:///etc/passwd", "AUTH_ISSUER", "i", "AUTH_AUDIENCE", "a")));
        assertEquals("AUTH_JWKS_URL must be an https:// or http:// URL", notHttp.getMessage());
    }

    @Test
    void with_bearer_tokens_the_service_may_listen_on_every_address() throws Exception {
        Path jwks = TokenIssuer.create().jwksFile(java.nio.file.Files.createTempDirectory("dbref-jwks-"));
        try (Application app = TestServers.start(TestDatabase.SQLITE, Map.of("HOST", "0.0.0.0", "AUTH_JWKS_FILE", jwks.toString(),
                "AUTH_ISSUER", TokenIssuer.ISSUER, "AUTH_AUDIENCE", TokenIssuer.AUDIENCE))) {
            Http http = new Http(app.port());
            assertEquals(200, http.get("/observe/health").status());
            assertEquals(401, http.get("/products").status());
        }
    }
}

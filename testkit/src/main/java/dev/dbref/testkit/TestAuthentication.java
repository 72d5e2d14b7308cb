package dev.dbref.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Bearer tokens on, for the topologies that run the contracts with authentication: one issuer
 * and its JWKS file per test JVM, and an {@code admin} token that may do everything, so that
 * every contract holds unchanged behind authentication.
 */
public final class TestAuthentication {
    private static final TokenIssuer ISSUER = TokenIssuer.create("contracts");
    private static Path jwks;

    private TestAuthentication() {
    }

    /** The service's settings: the JWKS file, the issuer and the audience. */
    public static synchronized Map<String, String> settings() {
        if (jwks == null) {
            try {
                Path dir = Files.createTempDirectory("dbref-contract-jwks-");
                dir.toFile().deleteOnExit();
                jwks = ISSUER.jwksFile(dir);
                jwks.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of("AUTH_JWKS_FILE", jwks.toString(), "AUTH_ISSUER", TokenIssuer.ISSUER,
                "AUTH_AUDIENCE", TokenIssuer.AUDIENCE);
    }

    /** A token with the {@code admin} scope, valid for two hours: longer than any test class runs. */
    public static String adminToken() {
        return ISSUER.rs256(TokenIssuer.claims("contract-admin", "admin")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2)))).build());
    }
}

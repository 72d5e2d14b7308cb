package dev.dbref.web.auth;

import java.util.Objects;

/**
 * @param keys     the JWKS
 * @param issuer   {@code AUTH_ISSUER}: what {@code iss} must equal
 * @param audience {@code AUTH_AUDIENCE}: what {@code aud} must contain
 */
public record JwtSettings(JwksLocation keys, String issuer, String audience) {
    public JwtSettings {
        Objects.requireNonNull(keys, "keys");
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("AUTH_ISSUER and AUTH_AUDIENCE are required with AUTH_JWKS_URL or AUTH_JWKS_FILE");
        }
    }
}

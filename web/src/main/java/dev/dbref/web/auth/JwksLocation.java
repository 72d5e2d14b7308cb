package dev.dbref.web.auth;

import java.net.URI;
import java.nio.file.Path;

/** Where the signing keys are: {@code AUTH_JWKS_URL} or {@code AUTH_JWKS_FILE}. */
public sealed interface JwksLocation {
    /** Fetched, cached, and fetched again (at most every 30 s) when a token names an unknown key. */
    record Url(URI uri) implements JwksLocation {
    }

    /** Read once at start. */
    record File(Path path) implements JwksLocation {
    }
}

package dev.dbref.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the HTTP server listens, and whether that is safe without authentication (API.md v1.2,
 * "Security and safe retries"): on this machine it is; on any other address anyone on the network
 * may create, change and delete everything, so it takes bearer tokens (a JWKS, which implies
 * {@code AUTH_MODE=jwt}) or {@code AUTH_MODE=none}, said on purpose.
 */
record ListenAddress(String host) {
    /** @param authenticating bearer tokens are checked (a JWKS is configured) */
    static ListenAddress checked(String host, String authMode, boolean authenticating) {
        String mode = authMode.strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "" -> { }
            case "none" -> {
                if (authenticating) {
                    throw new IllegalArgumentException("AUTH_MODE=none contradicts AUTH_JWKS_URL/AUTH_JWKS_FILE: unset one");
                }
            }
            case "jwt" -> {
                if (!authenticating) {
                    throw new IllegalArgumentException("AUTH_MODE=jwt needs AUTH_JWKS_URL or AUTH_JWKS_FILE, with AUTH_ISSUER and AUTH_AUDIENCE");
                }
            }
            default -> throw new IllegalArgumentException("AUTH_MODE must be none or jwt, was " + authMode.strip());
        }
        ListenAddress address = new ListenAddress(host.strip());
        if (!address.staysOnThisMachine() && !authenticating && mode.isEmpty()) {
            throw new IllegalArgumentException("HOST=" + address.host + " accepts requests from other machines, and "
                    + "authentication is off, so anyone who reaches it may change every row; set AUTH_MODE=none to "
                    + "mean it, or HOST=127.0.0.1");
        }
        return address;
    }

    /** A loopback address, or a name that resolves to one. */
    boolean staysOnThisMachine() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("HOST=" + host + " is not an address or a name this machine can resolve");
        }
    }
}

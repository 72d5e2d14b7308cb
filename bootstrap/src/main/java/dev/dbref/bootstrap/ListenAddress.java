package dev.dbref.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where the HTTP server listens, and whether that is safe without authentication (API.md v1.2,
 * "Security and safe retries"): on this machine it is; on any other address anyone on the network
 * may create, change and delete everything, so it takes {@code AUTH_MODE=none}, said on purpose.
 * This version has no bearer-token authentication yet, so {@code none} is the only mode.
 */
record ListenAddress(String host) {
    static ListenAddress checked(String host, String authMode) {
        String mode = authMode.strip().toLowerCase(Locale.ROOT);
        if (!mode.isEmpty() && !mode.equals("none")) {
            throw new IllegalArgumentException("AUTH_MODE must be none: this version has no bearer-token authentication yet");
        }
        ListenAddress address = new ListenAddress(host.strip());
        if (!address.staysOnThisMachine() && mode.isEmpty()) {
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

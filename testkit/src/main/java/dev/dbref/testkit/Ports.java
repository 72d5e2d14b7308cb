package dev.dbref.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free loopback ports for the servers the tests and the benchmark start. */
public final class Ports {
    private Ports() {
    }

    /** A port nothing listens on now; the caller binds it next (a small race the kernel's port allocator makes rare). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

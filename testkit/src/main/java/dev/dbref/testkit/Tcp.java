package dev.dbref.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/** Whether something listens on a loopback port: the tests' one way to wait for a server to start or stop. */
public final class Tcp {
    private Tcp() {
    }

    public static boolean listening(int port) {
        try {
            new Socket(InetAddress.getLoopbackAddress(), port).close();
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}

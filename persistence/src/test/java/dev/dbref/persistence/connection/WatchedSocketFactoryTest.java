package dev.dbref.persistence.connection;

import dev.dbref.persistence.connection.WatchedSocketFactory.WatchedSocket;
import dev.dbref.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sockets pgjdbc gets for pooled PostgreSQL connections, over real loopback TCP: a server
 * that accepts and never answers (a frozen server, a black-holed network) ends the read at its
 * bound as no answer; a server that answers, however long the socket idles between
 * answers, is never given up. The network-fault tests prove the same through pgjdbc, TLS and
 * HikariCP ({@code PostgresNetworkFaultTest}).
 */
class WatchedSocketFactoryTest {
    private static final Duration BOUND = Duration.ofMillis(400);

    private ServerSocket server;
    private Socket accepted;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        if (accepted != null) {
            accepted.close();
        }
        server.close();
    }

    @Test
    void a_read_the_server_never_answers_fails_as_no_answer_at_its_bound() throws IOException {
        Socket socket = connect(BOUND);
        InputStream in = socket.getInputStream();

        long start = System.nanoTime();
        NoAnswerException timeout = assertThrows(NoAnswerException.class, in::read);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(waited.compareTo(BOUND) >= 0, "given up after " + waited.toMillis() + " ms, before its bound");
        assertTrue(waited.compareTo(BOUND.plusSeconds(3)) < 0, "given up only after " + waited.toMillis() + " ms");
        assertEquals("no answer from the database within 400 ms", timeout.getMessage());
        assertTrue(SqlErrors.isNoAnswer(timeout), "not told apart as no answer");
        assertTrue(socket.isClosed());
        assertFalse(ReadWatchdog.INSTANCE.watches((WatchedSocket) socket), "still watched after it was given up");
    }

    @Test
    void a_virtual_thread_waiting_on_a_silent_server_is_released_too() throws Exception {
        Socket socket = connect(BOUND);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                socket.getInputStream().read();
                failure.complete(new AssertionError("read returned"));
            } catch (IOException e) {
                failure.complete(e);
            }
        });

        assertInstanceOf(NoAnswerException.class, failure.get(BOUND.toMillis() + 3_000, TimeUnit.MILLISECONDS));
    }

    @Test
    void a_socket_that_idles_between_answers_is_never_given_up() throws IOException {
        Socket socket = connect(BOUND);
        InputStream in = socket.getInputStream();
        OutputStream server = accepted.getOutputStream();

        server.write(1);
        assertEquals(1, in.read());
        long idleSince = System.nanoTime();
        long sweepsBefore = ReadWatchdog.INSTANCE.sweeps();
        Eventually.until("the watchdog has swept for twice the bound", () -> System.nanoTime() - idleSince > 2 * BOUND.toNanos()
                && ReadWatchdog.INSTANCE.sweeps() > sweepsBefore + 2);
        server.write(2);

        assertEquals(2, in.read());
        assertFalse(socket.isClosed());
        assertTrue(ReadWatchdog.INSTANCE.watches((WatchedSocket) socket));
    }

    @Test
    void a_socket_is_watched_from_connect_to_close() throws IOException {
        Socket socket = connect(BOUND);
        assertTrue(ReadWatchdog.INSTANCE.watches((WatchedSocket) socket));

        socket.close();

        assertFalse(ReadWatchdog.INSTANCE.watches((WatchedSocket) socket));
    }

    @Test
    void pgjdbc_hands_the_bound_as_a_connection_property() throws IOException {
        Properties info = new Properties();
        info.setProperty(WatchedSocketFactory.BOUND_PROPERTY, WatchedSocketFactory.boundProperty(BOUND));

        try (Socket socket = new WatchedSocketFactory(info).createSocket()) {
            socket.connect(server.getLocalSocketAddress());
            accepted = server.accept();
            long start = System.nanoTime();
            assertThrows(NoAnswerException.class, () -> socket.getInputStream().read());
            assertTrue(System.nanoTime() - start >= BOUND.toNanos());
        }
    }

    private Socket connect(Duration bound) throws IOException {
        Socket socket = new WatchedSocketFactory(bound).createSocket(server.getInetAddress(), server.getLocalPort());
        accepted = server.accept();
        return socket;
    }
}

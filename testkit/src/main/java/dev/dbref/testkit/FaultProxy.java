package dev.dbref.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on the loopback between the service and a real server, which the test makes
 * misbehave as networks do: a black hole (every byte is read, so the sender's kernel sees it
 * acknowledged, and none is delivered until {@link #resume()}: a frozen server, a stuck proxy, a
 * paused VM; nothing is closed), a reset of every open connection, and a delay each way. No
 * Toxiproxy package exists here; this is the small relay of our own that stands in for it.
 *
 * <p>Each direction of each connection is a reader, which stamps every chunk with the time it
 * may leave, and a writer, which waits for that time and for the network to be open.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean blackHole;
    private volatile long delayNanos;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("fault-proxy-accept").start(this::acceptLoop);
    }

    /** A relay to {@code host:port}, listening on a free loopback port. */
    public static FaultProxy to(String host, int port) {
        try {
            return new FaultProxy(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fault proxy", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Nothing gets through either way from now on, and nothing is closed. New connections are accepted and held too. */
    public void blackHole() {
        blackHole = true;
    }

    /** Traffic flows again; what was held is delivered, as TCP's retransmissions would. */
    public void resume() {
        synchronized (gate) {
            blackHole = false;
            gate.notifyAll();
        }
    }

    /** Adds {@code each} to every chunk in both directions (a round trip gains twice that). */
    public void delay(Duration each) {
        delayNanos = each.toNanos();
    }

    /** Resets every connection open now (RST to both ends, as a middlebox that drops its state). */
    public void resetAll() {
        for (Link link : links) {
            link.reset();
        }
    }

    /** Connections relayed now. */
    public int openConnections() {
        return links.size();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(upstream, 5_000);
                Link link = new Link(client, server);
                links.add(link);
                link.start();
            } catch (IOException e) {
                // closed: the loop ends; else that one connection failed, and the next is accepted
            }
        }
    }

    private record Chunk(long dueNanos, byte[] bytes) {
        static final Chunk END = new Chunk(0, new byte[0]);
    }

    /** One relayed connection: two sockets, two directions. */
    private final class Link {
        private final Socket client;
        private final Socket server;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() throws IOException {
            relay(client.getInputStream(), server.getOutputStream());
            relay(server.getInputStream(), client.getOutputStream());
        }

        private void relay(InputStream from, OutputStream to) {
            LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            Thread.ofVirtual().name("fault-proxy-read").start(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    int n;
                    while ((n = from.read(buffer)) >= 0) {
                        queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                    }
                } catch (IOException ignored) {
                    // the socket was reset or closed
                }
                queue.add(Chunk.END);
            });
            Thread.ofVirtual().name("fault-proxy-write").start(() -> {
                try {
                    while (true) {
                        Chunk chunk = queue.take();
                        if (chunk == Chunk.END) {
                            break;
                        }
                        long wait = chunk.dueNanos() - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        synchronized (gate) {
                            while (blackHole && !closed) {
                                gate.wait();
                            }
                        }
                        to.write(chunk.bytes());
                        to.flush();
                    }
                } catch (IOException | InterruptedException ignored) {
                    // the other end is gone
                }
                close();
            });
        }

        void reset() {
            for (Socket socket : List.of(client, server)) {
                try {
                    socket.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // already closed
                }
            }
            close();
        }

        void close() {
            links.remove(this);
            for (Socket socket : List.of(client, server)) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        resume();
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Link link : links) {
            link.close();
        }
    }
}

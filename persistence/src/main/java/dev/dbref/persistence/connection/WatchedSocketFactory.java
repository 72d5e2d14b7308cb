package dev.dbref.persistence.connection;

import javax.net.SocketFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Properties;

/**
 * pgjdbc's plain sockets, whose reads are bounded by {@link ReadWatchdog} instead of a socket
 * timeout ({@code socketTimeout}). TLS is layered over them as before, so its reads are bounded
 * too.
 *
 * <p>Why: on a virtual thread a read with a socket timeout parks with a timer. On JDK 25 each
 * such park schedules a task on the ForkJoinPool's {@code DelayScheduler}, each answer cancels it,
 * and both wake that scheduler's thread: 15 % of the service's CPU samples under GET load
 * (async-profiler, 32 connections on 2 cores). A read here only notes when it began; one sweeper
 * gives up the reads that waited past the bound.
 *
 * <p>A read given up fails with a {@link NoAnswerException}, so pgjdbc gives the connection up as
 * after a socket timeout, and {@link SqlErrors#isNoAnswer} tells "the server stopped answering"
 * (never retried) from a connection that died.
 */
public final class WatchedSocketFactory extends SocketFactory {
    /** pgjdbc hands the factory this connection property: here the bound, in milliseconds. */
    public static final String BOUND_PROPERTY = "socketFactoryArg";

    private final Duration bound;

    /** Called by pgjdbc (its {@code ObjectFactory}) with the connection's properties. */
    public WatchedSocketFactory(Properties info) {
        this(Duration.ofMillis(Long.parseLong(info.getProperty(BOUND_PROPERTY))));
    }

    WatchedSocketFactory(Duration bound) {
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("a read's bound must be positive: " + bound);
        }
        this.bound = bound;
    }

    /** The connection property that gives {@code bound} to the factory. */
    public static String boundProperty(Duration bound) {
        return String.valueOf(bound.toMillis());
    }

    @Override
    public Socket createSocket() {
        return new WatchedSocket(bound);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(0));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(0));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        socket.bind(local);
        socket.connect(remote);
        return socket;
    }

    /** A socket whose reads {@link ReadWatchdog} may give up; watched from connect to close. */
    static final class WatchedSocket extends Socket {
        /** Not in a read. Private to this class: the watchdog asks {@link #waitedTooLong}. */
        private static final long NOT_READING = Long.MIN_VALUE;

        private final long boundNanos;
        private volatile long readingSince = NOT_READING;
        private volatile boolean givenUp;
        private InputStream input;

        WatchedSocket(Duration bound) {
            this.boundNanos = bound.toNanos();
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint, timeout);
            ReadWatchdog.INSTANCE.watch(this);
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new WatchedInput(super.getInputStream());
            }
            return input;
        }

        @Override
        public void close() throws IOException {
            ReadWatchdog.INSTANCE.forget(this);
            super.close();
        }

        boolean waitedTooLong(long now) {
            long since = readingSince;
            return since != NOT_READING && now - since >= boundNanos;
        }

        /** Ends the read in progress: it fails with a {@link NoAnswerException}. */
        void giveUp() {
            givenUp = true;
            try {
                close();
            } catch (IOException alreadyClosing) {
                // the read fails either way
            }
        }

        private IOException failure(IOException e) {
            if (givenUp) {
                NoAnswerException noAnswer = new NoAnswerException(Duration.ofNanos(boundNanos));
                noAnswer.initCause(e);
                return noAnswer;
            }
            return e;
        }

        /** Notes when each read began, and fails a read given up with a {@link NoAnswerException}. */
        private final class WatchedInput extends FilterInputStream {
            WatchedInput(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                readingSince = System.nanoTime();
                try {
                    return in.read();
                } catch (IOException e) {
                    throw failure(e);
                } finally {
                    readingSince = NOT_READING;
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                readingSince = System.nanoTime();
                try {
                    return in.read(buffer, offset, length);
                } catch (IOException e) {
                    throw failure(e);
                } finally {
                    readingSince = NOT_READING;
                }
            }
        }
    }
}

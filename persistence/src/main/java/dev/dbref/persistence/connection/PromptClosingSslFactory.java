package dev.dbref.persistence.connection;

import org.postgresql.ssl.LibPQFactory;
import org.postgresql.util.PSQLException;

import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Properties;

/**
 * pgjdbc's own TLS factory (libpq's {@code sslmode}, {@code sslrootcert}, {@code sslcert},
 * {@code sslkey}, unchanged), whose sockets close at once.
 *
 * <p>Why: closing a TLS 1.3 socket, the JDK waits for the server's {@code close_notify} for as
 * long as the socket's read timeout. On a dead network a connection is closed after such a wait
 * already (pgjdbc's {@code socketTimeout} where it is set, or HikariCP's 15 s network timeout for
 * closing), so every request would wait twice the bound the pool promises. With no read timeout
 * the JDK does not wait, as TLS 1.3 allows; the connection is being thrown away, so nothing is
 * lost.
 */
public final class PromptClosingSslFactory extends LibPQFactory {
    public PromptClosingSslFactory(Properties info) throws PSQLException {
        super(info);
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return new PromptClosing((SSLSocket) super.createSocket(socket, host, port, autoClose));
    }

    /** The JDK's socket, with a {@link #close()} that does not wait on the peer. */
    private static final class PromptClosing extends SSLSocket {
        private final SSLSocket tls;

        PromptClosing(SSLSocket tls) {
            this.tls = tls;
        }

        @Override
        public void close() throws IOException {
            try {
                tls.setSoTimeout(0);
            } catch (SocketException alreadyClosed) {
                // nothing to wait for then
            }
            tls.close();
        }

        @Override public String[] getSupportedCipherSuites() { return tls.getSupportedCipherSuites(); }
        @Override public String[] getEnabledCipherSuites() { return tls.getEnabledCipherSuites(); }
        @Override public void setEnabledCipherSuites(String[] suites) { tls.setEnabledCipherSuites(suites); }
        @Override public String[] getSupportedProtocols() { return tls.getSupportedProtocols(); }
        @Override public String[] getEnabledProtocols() { return tls.getEnabledProtocols(); }
        @Override public void setEnabledProtocols(String[] protocols) { tls.setEnabledProtocols(protocols); }
        @Override public SSLSession getSession() { return tls.getSession(); }
        @Override public SSLSession getHandshakeSession() { return tls.getHandshakeSession(); }
        @Override public void addHandshakeCompletedListener(HandshakeCompletedListener l) { tls.addHandshakeCompletedListener(l); }
        @Override public void removeHandshakeCompletedListener(HandshakeCompletedListener l) { tls.removeHandshakeCompletedListener(l); }
        @Override public void startHandshake() throws IOException { tls.startHandshake(); }
        @Override public void setUseClientMode(boolean mode) { tls.setUseClientMode(mode); }
        @Override public boolean getUseClientMode() { return tls.getUseClientMode(); }
        @Override public void setNeedClientAuth(boolean need) { tls.setNeedClientAuth(need); }
        @Override public boolean getNeedClientAuth() { return tls.getNeedClientAuth(); }
        @Override public void setWantClientAuth(boolean want) { tls.setWantClientAuth(want); }
        @Override public boolean getWantClientAuth() { return tls.getWantClientAuth(); }
        @Override public void setEnableSessionCreation(boolean flag) { tls.setEnableSessionCreation(flag); }
        @Override public boolean getEnableSessionCreation() { return tls.getEnableSessionCreation(); }
        @Override public SSLParameters getSSLParameters() { return tls.getSSLParameters(); }
        @Override public void setSSLParameters(SSLParameters params) { tls.setSSLParameters(params); }
        @Override public String getApplicationProtocol() { return tls.getApplicationProtocol(); }
        @Override public String getHandshakeApplicationProtocol() { return tls.getHandshakeApplicationProtocol(); }

        @Override public InputStream getInputStream() throws IOException { return tls.getInputStream(); }
        @Override public OutputStream getOutputStream() throws IOException { return tls.getOutputStream(); }
        @Override public void setSoTimeout(int timeout) throws SocketException { tls.setSoTimeout(timeout); }
        @Override public int getSoTimeout() throws SocketException { return tls.getSoTimeout(); }
        @Override public void setTcpNoDelay(boolean on) throws SocketException { tls.setTcpNoDelay(on); }
        @Override public boolean getTcpNoDelay() throws SocketException { return tls.getTcpNoDelay(); }
        @Override public void setKeepAlive(boolean on) throws SocketException { tls.setKeepAlive(on); }
        @Override public boolean getKeepAlive() throws SocketException { return tls.getKeepAlive(); }
        @Override public void setSoLinger(boolean on, int linger) throws SocketException { tls.setSoLinger(on, linger); }
        @Override public int getSoLinger() throws SocketException { return tls.getSoLinger(); }
        @Override public void setSendBufferSize(int size) throws SocketException { tls.setSendBufferSize(size); }
        @Override public int getSendBufferSize() throws SocketException { return tls.getSendBufferSize(); }
        @Override public void setReceiveBufferSize(int size) throws SocketException { tls.setReceiveBufferSize(size); }
        @Override public int getReceiveBufferSize() throws SocketException { return tls.getReceiveBufferSize(); }
        @Override public void shutdownInput() throws IOException { tls.shutdownInput(); }
        @Override public void shutdownOutput() throws IOException { tls.shutdownOutput(); }
        @Override public boolean isInputShutdown() { return tls.isInputShutdown(); }
        @Override public boolean isOutputShutdown() { return tls.isOutputShutdown(); }
        @Override public boolean isConnected() { return tls.isConnected(); }
        @Override public boolean isBound() { return tls.isBound(); }
        @Override public boolean isClosed() { return tls.isClosed(); }
        @Override public InetAddress getInetAddress() { return tls.getInetAddress(); }
        @Override public InetAddress getLocalAddress() { return tls.getLocalAddress(); }
        @Override public int getPort() { return tls.getPort(); }
        @Override public int getLocalPort() { return tls.getLocalPort(); }
        @Override public SocketAddress getRemoteSocketAddress() { return tls.getRemoteSocketAddress(); }
        @Override public SocketAddress getLocalSocketAddress() { return tls.getLocalSocketAddress(); }
        @Override public String toString() { return tls.toString(); }
    }
}

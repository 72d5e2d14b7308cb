package dev.dbref.persistence.connection;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.sql.SQLException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * TLS failures in one line that says which check failed, from what pgjdbc and the JDK throw. The
 * driver's own words name its classes and a file; these name the URL parameter to look at.
 */
final class TlsFailures {
    private TlsFailures() {
    }

    /** The line for a TLS failure somewhere in {@code failure}'s causes; empty when it is none. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof CertificateExpiredException) {
                return "TLS: the server's certificate has expired";
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || message.contains("unable to find valid certification path")) {
                return "TLS: the server's certificate is not signed by a certificate authority in sslrootcert";
            }
            if (message.contains("hostnameverifier") || message.contains("could not be verified")) {
                return "TLS: the server's certificate does not match the host name in the URL (sslmode=verify-full)";
            }
            if (message.contains("does not support ssl")) {
                return "TLS: the server does not offer TLS, and the URL's sslmode requires it";
            }
            if (message.contains("root certificate file") || message.contains("sslrootcert")) {
                return "TLS: the sslrootcert file cannot be read";
            }
            if (message.contains("ssl certificate file") || message.contains("sslcert")) {
                return "TLS: the sslcert file cannot be read";
            }
            if (t instanceof SQLException sql && "28000".equals(sql.getSQLState()) && message.contains("certificate")) {
                return "TLS: the server requires a valid client certificate (sslcert and sslkey in the URL)";
            }
            if (message.contains("private key file") || message.contains("sslkey") || message.contains("key file")) {
                return "TLS: the sslkey file cannot be used (it must be readable by its owner only, and PEM or PKCS #8)";
            }
            if (t instanceof SSLException) {
                return "TLS: the handshake with the server failed (" + ConnectionFailures.plain(t.getMessage()) + ")";
            }
        }
        return "";
    }
}

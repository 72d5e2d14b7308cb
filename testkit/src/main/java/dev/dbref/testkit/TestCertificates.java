package dev.dbref.testkit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A certificate authority the tests make for themselves, and PEM files of the certificates it
 * signs: a server's (for a host name, as its subject alternative name) and a client's (for a
 * role, as its common name). A second authority stands for "signed by somebody else". Keys are
 * PKCS #8 PEM files readable by their owner only, as PostgreSQL and libpq demand.
 */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(1);

    private final String name;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Path dir;

    private TestCertificates(String name, KeyPair keys, X509Certificate certificate, Path dir) {
        this.name = name;
        this.keys = keys;
        this.certificate = certificate;
        this.dir = dir;
    }

    /** A new authority named {@code name}, its files in a new temporary folder. */
    public static TestCertificates authority(String name) {
        try {
            KeyPair keys = rsa();
            X500Name subject = new X500Name("CN=" + name);
            X509v3CertificateBuilder builder = builder(subject, subject, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate certificate = sign(builder, keys);
            Path dir = Files.createTempDirectory("dbref-tls-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            TestCertificates authority = new TestCertificates(name, keys, certificate, dir);
            writeCertificate(authority.rootCertificate(), certificate);
            return authority;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not make the test CA", e);
        }
    }

    /** The authority's own certificate: what {@code sslrootcert} names. */
    public Path rootCertificate() {
        return dir.resolve(name + "-ca.crt");
    }

    /** A server certificate for {@code host} (its only subject alternative name), signed by this authority. */
    public KeyFiles server(String host) {
        return issue("server-" + host, new X500Name("CN=" + host), true, host);
    }

    /** A client certificate whose common name is {@code role}, signed by this authority. */
    public KeyFiles client(String role) {
        return issue("client-" + role, new X500Name("CN=" + role), false, role);
    }

    private KeyFiles issue(String file, X500Name subject, boolean server, String name) {
        try {
            KeyPair pair = rsa();
            X509v3CertificateBuilder builder = builder(new X500Name("CN=" + this.name), subject, pair)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (server) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
            }
            X509Certificate issued = sign(builder, keys);
            KeyFiles files = new KeyFiles(dir.resolve(file + ".crt"), dir.resolve(file + ".key"));
            writeCertificate(files.certificate(), issued);
            Files.createFile(files.key(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(files.key(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not issue a test certificate", e);
        }
    }

    /** A certificate and its private key, as PEM files. */
    public record KeyFiles(Path certificate, Path key) {
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.getAndIncrement()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                subjectKeys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())));
    }

    private static void writeCertificate(Path file, X509Certificate certificate) throws IOException, GeneralSecurityException {
        Files.writeString(file, pem("CERTIFICATE", certificate.getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

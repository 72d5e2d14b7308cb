package dev.dbref.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * An identity provider for the tests: RSA, EC and Ed25519 keys, their public JWKS, and tokens
 * signed by them, or forged, expired, unsigned or HMAC-signed, as an attacker would try them.
 */
public final class TokenIssuer {
    public static final String ISSUER = "https://issuer.dbref.test";
    public static final String AUDIENCE = "dbref-api";

    private final RSAKey rsa;
    private final ECKey ec;
    private final OctetKeyPair ed;
    /** Another RSA key that claims {@link #rsa}'s kid. */
    private final RSAKey impostor;

    private TokenIssuer(String generation) {
        try {
            rsa = new RSAKeyGenerator(2048).keyID(generation + "-rsa").generate();
            ec = new ECKeyGenerator(Curve.P_256).keyID(generation + "-ec").generate();
            ed = new OctetKeyPairGenerator(Curve.Ed25519).keyID(generation + "-ed").generate();
            impostor = new RSAKeyGenerator(2048).keyID(generation + "-rsa").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TokenIssuer create() {
        return new TokenIssuer("k1");
    }

    /** An issuer whose keys are named after {@code generation}: the next keys of a rotation. */
    public static TokenIssuer create(String generation) {
        return new TokenIssuer(generation);
    }

    /** The public keys, as a JWKS document. */
    public String jwks() {
        return jwks(List.of(this));
    }

    /** The public keys of several issuers in one JWKS: the document during a key rotation. */
    public static String jwks(List<TokenIssuer> issuers) {
        return new JWKSet(issuers.stream().<JWK>flatMap(i -> java.util.stream.Stream.of(
                i.rsa.toPublicJWK(), i.ec.toPublicJWK(), i.ed.toPublicJWK())).toList()).toString();
    }

    /** {@link #jwks()} written to {@code dir}/jwks.json. */
    public Path jwksFile(Path dir) {
        try {
            return Files.writeString(dir.resolve("jwks.json"), jwks());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Claims a valid token has: this issuer and audience, {@code sub}, scopes, 5 minutes to live. */
    public static JWTClaimsSet.Builder claims(String subject, String... scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("scope", String.join(" ", scopes));
    }

    /** A valid RS256 token. */
    public String token(String subject, String... scopes) {
        return rs256(claims(subject, scopes).build());
    }

    public String rs256(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS256, rsa.getKeyID(), claims, signer(rsa));
    }

    public String es256(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.ES256, ec.getKeyID(), claims, signer(ec));
    }

    public String edDsa(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.EdDSA, ed.getKeyID(), claims, signer(ed));
    }

    /** Signed by another key under the real key's kid. */
    public String forged(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS256, rsa.getKeyID(), claims, signer(impostor));
    }

    /** Signed by a key whose kid the JWKS does not have. */
    public String unknownKid(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS256, "rsa-unknown", claims, signer(impostor));
    }

    /** {@code alg: none}. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** HS256 keyed with the RSA key's public modulus: the classic algorithm-confusion attack. */
    public String hmac(JWTClaimsSet claims) {
        try {
            return sign(JWSAlgorithm.HS256, rsa.getKeyID(), claims, new MACSigner(rsa.getModulus().decode()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner signer(JWK key) {
        try {
            return switch (key) {
                case RSAKey r -> new RSASSASigner(r);
                case ECKey e -> new ECDSASigner(e);
                case OctetKeyPair o -> new Ed25519Signer(o);
                default -> throw new IllegalArgumentException("no signer for " + key.getKeyType());
            };
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSAlgorithm algorithm, String kid, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}

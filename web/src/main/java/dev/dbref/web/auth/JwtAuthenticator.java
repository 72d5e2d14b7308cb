package dev.dbref.web.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.dbref.domain.model.Caller;

import java.io.IOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * OAuth 2 resource server: a JWT signed with RS256, ES256 or EdDSA by a key of the JWKS chosen by
 * {@code kid}, with {@code iss} and {@code aud} as configured and {@code exp}/{@code nbf} checked with
 * 60 s of leeway. Unsigned tokens and HMAC are refused: only these algorithms are accepted.
 */
public final class JwtAuthenticator implements Authenticator {
    static final int LEEWAY_SECONDS = 60;
    /** An unknown {@code kid} refetches the JWKS at most this often. */
    static final Duration REFETCH_AT_MOST_EVERY = Duration.ofSeconds(30);
    /** {@code users.owner_subject} holds this much. */
    static final int MAX_SUBJECT_LENGTH = 255;
    private static final String BEARER = "bearer ";

    /** nimbus's key selector matches RSA and EC keys only: EdDSA tokens are verified by {@link #edDsa}. */
    private static final Set<JWSAlgorithm> ED_DSA = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    /** How long a verified token is remembered at most: a key removed from the JWKS stops counting within this. */
    static final Duration REMEMBER_AT_MOST = Duration.ofSeconds(60);
    /** Verified tokens remembered at once; beyond it the least recent are dropped. */
    static final long REMEMBERED_TOKENS = 10_000;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    /**
     * A client sends the same token with every request until it expires; checking its signature each
     * time cost as much CPU as the rest of a GET. Only accepted tokens are remembered, each until its
     * {@code exp} (with the leeway) or {@link #REMEMBER_AT_MOST}, whichever comes first.
     */
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(REMEMBERED_TOKENS)
            .expireAfterWrite(REMEMBER_AT_MOST).build();

    private record Verified(Caller caller, Instant usableUntil) {
    }
    private final JWKSource<SecurityContext> keys;
    private final DefaultJWTClaimsVerifier<SecurityContext> claims;

    public JwtAuthenticator(JwtSettings settings) {
        keys = source(settings.keys());
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        claims = new DefaultJWTClaimsVerifier<>(settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp"));
        claims.setMaxClockSkew(LEEWAY_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    private JWTClaimsSet process(String token) throws ParseException, BadJOSEException, JOSEException {
        JWT jwt = JWTParser.parse(token);
        if (jwt instanceof SignedJWT signed && ED_DSA.contains(signed.getHeader().getAlgorithm())) {
            return edDsa(signed);
        }
        return processor.process(jwt, null);
    }

    /** What the processor does for RSA and EC, for an Ed25519 key of the JWKS chosen by {@code kid}. */
    private JWTClaimsSet edDsa(SignedJWT jwt) throws ParseException, BadJOSEException, JOSEException {
        JWKMatcher matcher = new JWKMatcher.Builder().keyType(KeyType.OKP).curve(Curve.Ed25519)
                .keyID(jwt.getHeader().getKeyID()).keyUses(KeyUse.SIGNATURE, null).build();
        for (JWK key : keys.get(new JWKSelector(matcher), null)) {
            if (jwt.verify(new Ed25519Verifier(key.toOctetKeyPair().toPublicJWK()))) {
                JWTClaimsSet set = jwt.getJWTClaimsSet();
                claims.verify(set, null);
                return set;
            }
        }
        throw new BadJOSEException("no Ed25519 key of the JWKS verifies the token");
    }

    private static JWKSource<SecurityContext> source(JwksLocation keys) {
        return switch (keys) {
            case JwksLocation.File file -> {
                try {
                    yield new ImmutableJWKSet<>(JWKSet.load(file.path().toFile()));
                } catch (IOException | ParseException e) {
                    throw new IllegalArgumentException("AUTH_JWKS_FILE " + file.path() + " is not a readable JWK set");
                }
            }
            case JwksLocation.Url url -> {
                try {
                    yield JWKSourceBuilder.<SecurityContext>create(url.uri().toURL())
                            .rateLimited(REFETCH_AT_MOST_EVERY.toMillis())
                            .retrying(false)
                            // While the JWKS host is down, the keys fetched before keep verifying.
                            .outageTolerant(true)
                            .build();
                } catch (MalformedURLException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("AUTH_JWKS_URL is not an http:// or https:// URL");
                }
            }
        };
    }

    @Override
    public Verdict verify(Optional<String> authorization) {
        if (authorization.isEmpty()) {
            return new Verdict.Missing();
        }
        String header = authorization.get().strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return new Verdict.Refused("the Authorization header must be: Bearer <token>");
        }
        String token = header.substring(BEARER.length()).strip();
        Verified known = verified.getIfPresent(token);
        if (known != null && Instant.now().isBefore(known.usableUntil())) {
            return new Verdict.Accepted(known.caller());
        }
        try {
            JWTClaimsSet claims = process(token);
            Verdict verdict = accepted(claims);
            if (verdict instanceof Verdict.Accepted accepted) {
                verified.put(token, new Verified(accepted.caller(), claims.getExpirationTime().toInstant().plusSeconds(LEEWAY_SECONDS)));
            }
            return verdict;
        } catch (RateLimitReachedException e) {
            // The JWKS was fetched again moments ago and had no such kid: a refusal, not an outage.
            return new Verdict.Refused("no key of this service's JWKS has the token's kid");
        } catch (KeySourceException e) {
            return new Verdict.Unavailable("the keys that verify tokens cannot be fetched now");
        } catch (ParseException e) {
            return new Verdict.Refused("the token is not a JWT");
        } catch (BadJWTException e) {
            return new Verdict.Refused(claimsReason(e.getMessage()));
        } catch (BadJOSEException e) {
            return new Verdict.Refused("the token's signature does not verify with a key of this service's JWKS,"
                    + " or its algorithm is not one of RS256, ES256, EdDSA");
        } catch (JOSEException e) {
            return new Verdict.Refused("the token's signature could not be checked");
        }
    }

    private static Verdict accepted(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            return new Verdict.Refused("the token's sub is longer than " + MAX_SUBJECT_LENGTH + " characters");
        }
        return new Verdict.Accepted(new Caller.Authenticated(subject, scopes(claims)));
    }

    /** {@code scope} (space-separated, RFC 8693) or {@code scp} (an array, or one string). */
    static Set<String> scopes(JWTClaimsSet claims) {
        Set<String> scopes = new HashSet<>();
        Object scope = claims.getClaim("scope");
        if (scope instanceof String text) {
            scopes.addAll(List.of(text.strip().split("\\s+")));
        }
        Object scp = claims.getClaim("scp");
        if (scp instanceof String text) {
            scopes.addAll(List.of(text.strip().split("\\s+")));
        } else if (scp instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
        }
        scopes.remove("");
        return scopes;
    }

    /** nimbus's messages, in this API's words; none of them quotes the token. */
    private static String claimsReason(String message) {
        String m = String.valueOf(message);
        if (m.contains("Expired")) {
            return "the token has expired";
        }
        if (m.contains("before use time")) {
            return "the token is not valid yet (nbf)";
        }
        if (m.contains("audience")) {
            return "the token's aud does not name this service";
        }
        if (m.contains("iss")) {
            return "the token's iss is not the configured issuer";
        }
        if (m.contains("missing required claims")) {
            return "the token lacks sub or exp";
        }
        return "the token's claims are not acceptable";
    }
}

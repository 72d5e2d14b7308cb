package dev.dbref.web.paging;

import dev.dbref.web.http.HttpProblem;
import dev.dbref.web.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dbref.domain.model.SeekKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns a {@link SeekKey} into the opaque {@code next} cursor and back. A cursor is
 * {@code base64url(["<scope>", values...]) + "." + base64url(HMAC-SHA256)}: it is bound to the
 * list, sort and filters that produced it (its scope) and signed, so a cursor edited by hand, made
 * elsewhere, or used with another query is refused with a 400 instead of silently paging wrong.
 * Every instance of the service must share the key ({@code CURSOR_SECRET}) so that a client's
 * next request may land on any of them.
 */
public final class CursorCodec {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;
    private static final int SCOPE_BYTES = 6;
    private static final String INVALID = "the cursor in 'after' is not valid: it was changed, or not issued by this service";

    /** Looked up once and cloned per use, as {@link #keyed} is. */
    private static final MessageDigest SHA_256 = sha256();

    /** Initialised once and cloned per use: looking the algorithm up and keying it took 6 % of a cursor page's CPU. */
    private final Mac keyed;

    public CursorCodec(byte[] secret) {
        try {
            this.keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** @param scope the list, its sort and its filters, in a canonical form */
    public String encode(SeekKey seek, String scope) {
        ArrayNode payload = Json.array().add(scopeTag(scope));
        seek.values().forEach(payload::add);
        byte[] bytes = Json.bytes(payload);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** @throws HttpProblem 400, in plain words, for a cursor that is not ours or not for this query */
    public SeekKey decode(String cursor, String scope) {
        int dot = cursor.indexOf('.');
        byte[] payload;
        byte[] mac;
        try {
            payload = DECODER.decode(cursor.substring(0, Math.max(dot, 0)));
            mac = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(INVALID);
        }
        if (dot < 0 || !MessageDigest.isEqual(mac, mac(payload))) {
            throw HttpProblem.badRequest(INVALID);
        }
        JsonNode values = Json.tryParse(payload).orElseThrow(() -> HttpProblem.badRequest(INVALID));
        if (!values.isArray() || values.size() < 2) {
            throw HttpProblem.badRequest(INVALID);
        }
        if (!values.get(0).asText().equals(scopeTag(scope))) {
            throw HttpProblem.badRequest("the cursor in 'after' belongs to another sort or other filters: "
                    + "page on with the sort and filters that produced it");
        }
        List<String> seek = new ArrayList<>();
        for (int i = 1; i < values.size(); i++) {
            seek.add(values.get(i).asText());
        }
        return new SeekKey(seek);
    }

    private byte[] mac(byte[] payload) {
        try {
            byte[] full = ((Mac) keyed.clone()).doFinal(payload);
            byte[] truncated = new byte[MAC_BYTES];
            System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
            return truncated;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    private static String scopeTag(String scope) {
        try {
            byte[] digest = ((MessageDigest) SHA_256.clone()).digest(scope.getBytes(StandardCharsets.UTF_8));
            byte[] tag = new byte[SCOPE_BYTES];
            System.arraycopy(digest, 0, tag, 0, SCOPE_BYTES);
            return ENCODER.encodeToString(tag);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

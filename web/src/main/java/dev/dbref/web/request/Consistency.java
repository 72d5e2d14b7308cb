package dev.dbref.web.request;

/**
 * The {@code Consistency-Token}s of this service, as the web adapter needs to know them: it
 * carries them in and out opaquely and refuses a token it did not issue. What a token means (a
 * position in the primary's log) is the persistence adapter's; the composition root bridges the two.
 */
public interface Consistency {

    /** Whether {@code token} is one this service issued; if not, the request is a 400. */
    boolean issued(String token);

    /** The token of a write request that committed nothing new: its reads need no standby to catch up. */
    String ofNoWrite();
}

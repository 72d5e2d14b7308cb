package dev.dbref.web;

import java.util.Optional;

/**
 * Read-your-writes for the request on the calling thread, implemented outside the web adapter
 * (the composition root bridges it to the persistence adapter, which decides which server serves a
 * read). The web adapter only carries the opaque {@code Consistency-Token} in and out.
 */
public interface Consistency {

    /**
     * Starts the request: its reads must see the write the client's token names, if any.
     *
     * @throws IllegalArgumentException when the token is not one this service issued (a 400)
     */
    void begin(Optional<String> token);

    /** The token that names the last write this request committed (or, if it wrote nothing, nothing new). */
    String tokenOfLastWrite();

    /** Ends the request on the calling thread. */
    void end();
}

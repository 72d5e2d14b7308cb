package dev.dbref.web.request;

/**
 * Set when the service begins to shut down: readiness answers 503 from then on, so that a load
 * balancer stops sending new requests, while requests that still arrive are served as usual.
 */
public final class Draining {
    private volatile boolean started;

    public void start() {
        started = true;
    }

    public boolean started() {
        return started;
    }
}

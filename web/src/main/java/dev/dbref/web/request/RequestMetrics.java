package dev.dbref.web.request;

/**
 * Where the web adapter reports each request, implemented outside it (the composition root
 * records it in the metrics registry), so that this adapter does not depend on where metrics go.
 */
public interface RequestMetrics {

    /**
     * @param method a standard HTTP method, or {@code other}: a client cannot create series without end
     * @param uri    the matched route template ({@code /products/{id}}), {@code NOT_FOUND} or {@code UNKNOWN}
     * @param status the response status
     */
    void record(String method, String uri, int status, long nanos);
}

package dev.dbref.web.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;

/** One operation of the API: a method on a path template, and what handles it. */
public record Route(Method method, String path, Handler handler) {
    public static Route get(String path, Handler handler) {
        return new Route(Method.GET, path, handler);
    }

    public static Route post(String path, Handler handler) {
        return new Route(Method.POST, path, handler);
    }

    public static Route put(String path, Handler handler) {
        return new Route(Method.PUT, path, handler);
    }

    public static Route patch(String path, Handler handler) {
        return new Route(Method.PATCH, path, handler);
    }

    public static Route delete(String path, Handler handler) {
        return new Route(Method.DELETE, path, handler);
    }

    /** {@code "GET /products/{id}"}, as the OpenAPI document names it. */
    public String signature() {
        return method.text() + " " + path;
    }
}

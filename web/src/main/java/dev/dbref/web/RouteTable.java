package dev.dbref.web;

import dev.dbref.web.http.Route;
import dev.dbref.web.problem.MethodNotAllowed;
import dev.dbref.web.request.RequestContext;
import io.helidon.webserver.http.HttpRouting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Registers routes path by path, in the given order (so {@code /products/bulk} precedes
 * {@code /products/{id}}), and after each path's routes a catch-all answering 405 with the
 * {@code Allow} header computed from that path's methods. Each handler first records its path
 * template, which metrics and the request log use instead of the raw path.
 */
final class RouteTable {
    private RouteTable() {
    }

    /** @return the registered operations, e.g. {@code "GET /products/{id}"} */
    static List<String> register(HttpRouting.Builder routing, List<Route> routes) {
        Map<String, List<Route>> byPath = routes.stream()
                .collect(Collectors.groupingBy(Route::path, LinkedHashMap::new, Collectors.toList()));
        List<String> signatures = new ArrayList<>();
        byPath.forEach((path, onPath) -> {
            for (Route route : onPath) {
                routing.route(route.method(), path, (req, res) -> {
                    RequestContext.routeMatched(path);
                    route.handler().handle(req, res);
                });
                signatures.add(route.signature());
            }
            String allow = onPath.stream().map(r -> r.method().text()).collect(Collectors.joining(", "));
            routing.any(path, (req, res) -> {
                RequestContext.routeMatched(path);
                new MethodNotAllowed(allow).handle(req, res);
            });
        });
        return List.copyOf(signatures);
    }
}

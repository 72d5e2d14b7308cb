package dev.dbref.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latency histograms by method, route template and status, in Prometheus
 * text format. Route templates ({@code /products/{id}}), not raw paths, and the standard methods
 * keep the series bounded.
 */
final class HttpMetrics {
    private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final Map<Key, Series> series = new ConcurrentHashMap<>();

    void record(String method, String route, int status, long nanos) {
        // Any token is a valid HTTP method: made-up ones share one label, or a client could create series without end.
        String label = METHODS.contains(method) ? method : "other";
        series.computeIfAbsent(new Key(label, route, status), k -> new Series()).observe(nanos / 1e9);
    }

    void render(StringBuilder out) {
        out.append("# HELP http_requests_total HTTP requests served, by method, route template and status.\n")
                .append("# TYPE http_requests_total counter\n");
        series.forEach((key, s) -> out.append("http_requests_total").append(key.labels()).append(' ')
                .append(s.count.sum()).append('\n'));
        out.append("# HELP http_request_duration_seconds Time from request start to response, by route.\n")
                .append("# TYPE http_request_duration_seconds histogram\n");
        series.forEach((key, s) -> s.render(key, out));
    }

    private record Key(String method, String route, int status) {
        String labels() {
            return "{method=\"" + method + "\",route=\"" + route + "\",status=\"" + status + "\"}";
        }

        String labelsWith(String le) {
            return "{method=\"" + method + "\",route=\"" + route + "\",status=\"" + status + "\",le=\"" + le + "\"}";
        }
    }

    private static final class Series {
        private final LongAdder count = new LongAdder();
        private final DoubleAdder sum = new DoubleAdder();
        private final LongAdder[] buckets = new LongAdder[BUCKETS.length];

        Series() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            count.increment();
            sum.add(seconds);
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
        }

        void render(Key key, StringBuilder out) {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += buckets[i].sum();
                out.append("http_request_duration_seconds_bucket").append(key.labelsWith(format(BUCKETS[i])))
                        .append(' ').append(cumulative).append('\n');
            }
            out.append("http_request_duration_seconds_bucket").append(key.labelsWith("+Inf")).append(' ')
                    .append(count.sum()).append('\n');
            out.append("http_request_duration_seconds_sum").append(key.labels()).append(' ')
                    .append(format(sum.sum())).append('\n');
            out.append("http_request_duration_seconds_count").append(key.labels()).append(' ')
                    .append(count.sum()).append('\n');
        }
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}

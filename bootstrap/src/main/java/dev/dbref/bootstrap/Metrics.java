package dev.dbref.bootstrap;

import dev.dbref.persistence.diagnostics.Diagnostics;
import dev.dbref.web.observe.MetricsText;
import dev.dbref.web.request.RequestMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The one metrics registry of the process, in Micrometer's Prometheus conventions, so that the
 * common dashboards (JVM, HikariCP, HTTP server) find their names: {@code http_server_requests_seconds},
 * {@code hikaricp_connections_*} labelled by pool, {@code jvm_*} and {@code process_*}, and the
 * service's own statement figures. Built here; persistence and web only report into the parts they are given.
 */
final class Metrics implements RequestMetrics, MetricsText, AutoCloseable {
    /** Few buckets: every series costs every scrape. From a cached read to a pool timeout. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** One timer per series, found without building a meter id on every request (a builder and an id per request otherwise). */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    private record Series(String method, String uri, int status) {
    }
    private final JvmGcMetrics gc = new JvmGcMetrics();

    Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** Where the pools report, under HikariCP's own names, labelled {@code pool="primary"} or {@code "replica"}. */
    MeterRegistry registry() {
        return registry;
    }

    /** {@code db_statements_total} and {@code db_statement_seconds_total}, read from the database's figures when scraped. */
    void statementsOf(Diagnostics diagnostics) {
        FunctionCounter.builder("db.statements", diagnostics, d -> d.statementTotals().statements())
                .description("SQL statements executed").register(registry);
        FunctionCounter.builder("db.statement.seconds", diagnostics, d -> d.statementTotals().seconds())
                .description("Time spent executing SQL statements").register(registry);
    }

    @Override
    public void record(String method, String uri, int status, long nanos) {
        timers.computeIfAbsent(new Series(method, uri, status), series -> Timer.builder("http.server.requests")
                        .description("HTTP requests, by method, route template, status and outcome")
                        .tags(Tags.of("method", method, "uri", uri, "status", Integer.toString(status), "outcome", outcome(status)))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}

package dev.dbref.web.observe;

/** The metrics in Prometheus' text format, as the composition root's registry renders them. */
@FunctionalInterface
public interface MetricsText {
    String scrape();
}

package dev.dbref.bench;

import java.util.Map;

/** The service on one database: start-up, every scenario in the order run, peak memory. */
record ServiceRun(double startupS, Map<String, Scenario> scenarios, double peakRssMib) {
    double rps(String scenario) {
        return scenarios.get(scenario).rps();
    }

    long errors() {
        return scenarios.values().stream().mapToLong(Scenario::errors).sum();
    }
}

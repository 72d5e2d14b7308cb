package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.Eventually;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every metric the shipped Grafana dashboard queries is one that {@code /observe/metrics} serves, so the two cannot drift. */
class DashboardTest {
    private static final Pattern METRIC = Pattern.compile("\\b((?:http|hikaricp|jvm|process|db)_[a-z_]+)\\b");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void every_metric_the_dashboard_queries_is_served(TestDatabase database) throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("..", "deploy", "grafana", "dbref.json").toFile());
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = METRIC.matcher(target.get("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertTrue(queried.size() >= 12, "too few metrics found in the dashboard: " + queried);

        try (Application app = TestServers.start(database)) {
            Http http = new Http(app.port());
            http.post("/products", "{\"name\": \"d\", \"price\": 1}");
            http.get("/products");
            System.gc(); // GC pause metrics appear with the first collection
            Eventually.await("a GC pause is recorded", Duration.ofSeconds(30),
                    () -> http.get("/observe/metrics").text().contains("\njvm_gc_pause_seconds_count"));
            String served = http.get("/observe/metrics").text();
            Set<String> missing = new TreeSet<>();
            for (String name : queried) {
                if (!served.contains("\n" + name + "{") && !served.contains("\n" + name + " ")) {
                    missing.add(name);
                }
            }
            assertEquals(Set.of(), missing, "queried by deploy/grafana/dbref.json but not served");
        }
    }
}

package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.Topology;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;

import java.util.Map;

/**
 * Base of the HTTP contract tests: one real server per topology of the matrix on a fresh
 * database, called through {@link #http}. A contract is a {@code @ParameterizedClass} over the
 * {@link Topology} values that apply to it; JUnit makes one instance per topology.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerContract {
    @Parameter
    Topology topology;
    Application app;
    Http http;

    /** Settings over the test defaults, as environment variables. */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeParameterizedClassInvocation
    void start() {
        app = TestServers.start(topology, settings());
        http = TestServers.readingItsWrites(topology, app.port());
    }

    @AfterParameterizedClassInvocation
    void stop() {
        app.close();
    }
}

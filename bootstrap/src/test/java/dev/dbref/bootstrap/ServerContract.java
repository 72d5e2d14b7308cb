package dev.dbref.bootstrap;

import dev.dbref.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Base of the HTTP contract tests: one real server per test class on a fresh database of the
 * kind a subclass names, called through {@link #http}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerContract {
    Application app;
    Http http;

    abstract TestDatabase database();

    /** Settings over the test defaults, as environment variables. */
    Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void start() {
        app = TestServers.start(database(), settings());
        http = Http.readingItsWrites(app.port());
    }

    @AfterAll
    void stop() {
        app.close();
    }
}

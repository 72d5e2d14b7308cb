package dev.dbref.bootstrap;

import dev.dbref.testkit.Connections;
import dev.dbref.testkit.Http;
import dev.dbref.testkit.TestDatabase;
import dev.dbref.testkit.Topology;

import java.util.HashMap;
import java.util.Map;

/** Starts the real service, wired exactly as {@code main} wires it, on a free port and a fresh database. */
final class TestServers {
    private TestServers() {
    }

    static Application start(TestDatabase database) {
        return start(database, Map.of());
    }

    /**
     * On a fresh database of that kind reached as production reaches it ({@link TestDatabase#fresh()}).
     *
     * @param env settings as environment variables, over the test defaults
     */
    static Application start(TestDatabase database, Map<String, String> env) {
        return start(database.fresh(), env);
    }

    /** On a fresh database reached the way {@code topology} reaches it, with the topology's settings (bearer tokens). */
    static Application start(Topology topology, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(topology.serviceSettings());
        all.putAll(env);
        return start(topology.fresh(), all);
    }

    /**
     * A client of {@code port} as the topology's callers are: with its bearer token, where
     * authentication is on; every reply checked against the served {@code /openapi}.
     */
    static Http client(Topology topology, int port) {
        Http http = new Http(port).checkedAgainstItsDocument();
        return topology.bearerToken().map(http::authorizedBy).orElse(http);
    }

    /** {@link #client}, reading its writes ({@link Http#readingItsWrites}), as a contract's client must. */
    static Http readingItsWrites(Topology topology, int port) {
        Http http = Http.readingItsWrites(port).checkedAgainstItsDocument();
        return topology.bearerToken().map(http::authorizedBy).orElse(http);
    }

    static Application start(Connections connections, Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("PORT", "0");
        all.put("HOST", "127.0.0.1");
        all.put("DB_POOL_TIMEOUT", "10s");
        all.putAll(connections.env());
        all.putAll(env);
        Application.pinGlobalMappers();
        return Application.start(SettingsLoader.load(all));
    }

    static Settings settings(Map<String, String> env) {
        return SettingsLoader.load(env);
    }
}

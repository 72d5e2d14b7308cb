package dev.dbref.bootstrap;

import dev.dbref.testkit.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code serve} says once, at start, when it connects as a role that could drop its tables. */
class RoleWarningTest {
    private static List<String> warningsWhileStarting(Topology topology) {
        Logger log = Logger.getLogger(Application.class.getName());
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            TestServers.start(topology, Map.of()).close();
            return List.copyOf(warnings);
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void a_superuser_is_warned_about_once() {
        List<String> roleWarnings = warningsWhileStarting(Topology.POSTGRES).stream()
                .filter(w -> w.startsWith("the service connects to the database as a superuser")).toList();
        assertEquals(1, roleWarnings.size(), "warnings: " + roleWarnings);
    }

    @Test
    void the_least_privileged_role_over_verified_tls_starts_without_a_warning() {
        assertEquals(List.of(), warningsWhileStarting(Topology.POSTGRES_TLS_LEAST_PRIVILEGE));
    }
}

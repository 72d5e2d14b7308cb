package dev.dbref.bootstrap;

import dev.dbref.testkit.HaProxy;
import dev.dbref.testkit.Ports;
import dev.dbref.testkit.Http;
import dev.dbref.testkit.Eventually;
import dev.dbref.testkit.Connections;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances (separate processes) behind a real HAProxy with the shipped configuration, under a
 * steady load of writes and reads through HAProxy. Each instance in turn gets SIGTERM (with
 * {@code SHUTDOWN_DRAIN}) and is started again: no request fails, and every acknowledged write
 * reads back. Then one instance is killed with SIGKILL: only requests in flight on it may fail.
 */
class PostgresRollingRestartTest {
    private static final int CLIENTS = 4;
    /** The first failed answer, to say who failed it (HAProxy or an instance) when the test fails. */
    private static final java.util.concurrent.atomic.AtomicReference<String> FIRST_FAILURE =
            new java.util.concurrent.atomic.AtomicReference<>();

    @Test
    void a_rolling_restart_fails_no_request_and_a_kill_costs_only_the_requests_in_flight() throws Exception {
        Connections database = TestDatabase.POSTGRESQL.fresh();
        List<Integer> ports = List.of(Ports.free(), Ports.free());
        List<ServiceProcess> instances = new ArrayList<>();
        for (int port : ports) {
            instances.add(instance(database, port));
        }
        try (HaProxy proxy = HaProxy.start(ports)) {
            Http http = new Http(proxy.port());
            Eventually.until("HAProxy serves", () -> http.get("/observe/health").status() == 200);
            List<Long> acknowledged = new CopyOnWriteArrayList<>();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(Thread.ofVirtual().start(() -> load(http, client, running, acknowledged, statuses)));
            }
            for (int i = 0; i < instances.size(); i++) {
                int before = acknowledged.size();
                Eventually.until("load flows", () -> acknowledged.size() > before + 20);
                instances.get(i).terminate();
                assertTrue(instances.get(i).waitForExit(60), "instance " + i + " did not stop");
                assertEquals(143, instances.get(i).process.exitValue(), instances.get(i).outputText());
                ServiceProcess restarted = instance(database, ports.get(i));
                instances.set(i, restarted);
                // Back in HAProxy's rotation once it has served writes of its own.
                Eventually.until("the restarted instance takes load", () -> served(restarted) > 20);
            }
            Map<Integer, Integer> rolling = Map.copyOf(statuses);
            assertEquals(Map.of(), failures(rolling), "failed requests during the rolling restart: " + rolling
                    + ", the first: " + FIRST_FAILURE.get());

            statuses.clear();
            instances.get(0).process.destroyForcibly();
            int afterKill = acknowledged.size();
            Eventually.until("load flows on the survivor", () -> acknowledged.size() > afterKill + 50);
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
            int lost = failures(statuses).values().stream().mapToInt(Integer::intValue).sum();
            assertTrue(lost <= CLIENTS, lost + " requests failed after a kill; at most the " + CLIENTS + " in flight may");

            Http direct = new Http(ports.get(1));
            for (long id : acknowledged) {
                assertEquals(200, direct.get("/products/" + id).status(), "acknowledged product " + id + " is missing");
            }
        } finally {
            instances.forEach(ServiceProcess::close);
        }
    }

    private static ServiceProcess instance(Connections database, int port) throws Exception {
        Map<String, String> env = new HashMap<>(database.env());
        env.putAll(Map.of("PORT", String.valueOf(port), "SHUTDOWN_DRAIN", "3s"));
        ServiceProcess service = ServiceProcess.start(env);
        assertEquals(port, service.port());
        return service;
    }

    /** Writes this instance acknowledged, from its request log. */
    private static long served(ServiceProcess instance) {
        return instance.output.stream().filter(line -> line.contains("POST /products 201")).count();
    }

    private static Map<Integer, Integer> failures(Map<Integer, Integer> statuses) {
        Map<Integer, Integer> failed = new ConcurrentHashMap<>(statuses);
        failed.keySet().removeIf(status -> status == 200 || status == 201);
        return failed;
    }

    private static void load(Http http, int client, AtomicBoolean running, List<Long> acknowledged,
                             Map<Integer, Integer> statuses) {
        int n = 0;
        while (running.get()) {
            Http.Reply reply;
            try {
                reply = n % 2 == 0
                        ? http.post("/products", "{\"name\": \"c" + client + "-" + n + "\", \"price\": 1}")
                        : http.get("/products?limit=5&total=none");
            } catch (RuntimeException connectionFailed) {
                statuses.merge(-1, 1, Integer::sum);
                continue;
            } finally {
                n++;
            }
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() >= 300) {
                FIRST_FAILURE.compareAndSet(null, reply.status() + " " + reply.text());
            }
            if (reply.status() == 201) {
                acknowledged.add(reply.json().get("id").asLong());
            }
        }
    }
}

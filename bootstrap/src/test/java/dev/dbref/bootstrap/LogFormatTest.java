package dev.dbref.bootstrap;

import dev.dbref.testkit.Http;
import dev.dbref.testkit.PostgresServer;
import dev.dbref.testkit.Eventually;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code LOG_FORMAT=json} in a real process: every line it prints is one JSON object; a request
 * line carries its fields apart; a W3C {@code traceparent}'s trace id becomes the request id, in
 * the log and in the response; the password stays out.
 */
class LogFormatTest {
    private static final String PASSWORD = "Js0n-l0g-secret";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void json_lines_carry_the_request_fields_and_the_trace_id() throws Exception {
        String url = PostgresServer.INSTANCE.passwordProtectedUrl("json_log_user", PASSWORD);
        try (ServiceProcess service = ServiceProcess.start(Map.of("DATABASE_URL", url, "LOG_FORMAT", "json"))) {
            Http http = new Http(service.port());
            Http.Reply reply = http.getWith("/products?limit=1", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");
            assertEquals(200, reply.status());
            assertEquals(TRACE_ID, reply.header("X-Request-Id"));
            Eventually.await("the request line is written", java.time.Duration.ofSeconds(30),
                    () -> service.output.stream().anyMatch(l -> l.contains("\"route\":\"/products\"")));

            ObjectMapper json = new ObjectMapper();
            List<String> lines = service.output.stream().filter(l -> !l.isBlank() && !l.startsWith("WARNING:")).toList();
            for (String line : lines) {
                assertTrue(line.startsWith("{") && line.endsWith("}"), "not one JSON object: " + line);
                JsonNode node = json.readTree(line);
                assertTrue(node.has("time") && node.has("level") && node.has("logger") && node.has("message"), line);
                assertFalse(line.contains(PASSWORD), "the password is in the log: " + line);
            }
            JsonNode request = json.readTree(lines.stream().filter(l -> l.contains("\"route\":\"/products\"")).findFirst().orElseThrow());
            assertEquals("GET", request.get("method").asText());
            assertEquals(200, request.get("status").asInt());
            assertEquals(TRACE_ID, request.get("request_id").asText());
            assertTrue(request.get("duration_ms").asDouble() > 0);
            assertTrue(request.get("statements").asInt() >= 1);
        }
    }
}

package dev.dbref.web;

import dev.dbref.web.http.HttpProblem;
import dev.dbref.web.paging.CursorCodec;
import dev.dbref.domain.model.SeekKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cursors round-trip for their own scope only; anything changed or foreign is a 400 in plain words. */
class CursorCodecTest {
    private final CursorCodec codec = new CursorCodec("secret".getBytes(StandardCharsets.UTF_8));
    private final SeekKey key = new SeekKey(List.of("Äpfel \"süß\"", "19.99", "42"));

    @Test
    void a_cursor_decodes_to_its_key_in_its_own_scope() {
        assertEquals(key, codec.decode(codec.encode(key, "products name"), "products name"));
    }

    @Test
    void another_scope_is_refused_with_its_own_reason() {
        HttpProblem e = assertThrows(HttpProblem.class, () -> codec.decode(codec.encode(key, "a"), "b"));
        assertEquals(400, e.status().code());
        assertTrue(e.getMessage().contains("another sort or other filters"), e.getMessage());
    }

    @Test
    void a_changed_foreign_or_malformed_cursor_is_refused() {
        String cursor = codec.encode(key, "s");
        String otherKey = new CursorCodec("other".getBytes(StandardCharsets.UTF_8)).encode(key, "s");
        for (String bad : List.of(cursor.substring(1), cursor + "A", otherKey, "", ".", "no-dot", "%%%.%%%", "e30.AAAA")) {
            HttpProblem e = assertThrows(HttpProblem.class, () -> codec.decode(bad, "s"), bad);
            assertEquals(400, e.status().code());
            assertTrue(e.getMessage().contains("not valid"), e.getMessage());
        }
    }
}

package dev.dbref.web;

import dev.dbref.web.http.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Timestamps are written by hand for speed; they must read exactly as the pattern the contract names. */
class JsonTimestampTest {
    private static final DateTimeFormatter CONTRACT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void every_instant_is_written_as_utc_with_milliseconds_truncated() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-11-29T22:41:57.571992Z"),
                Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T12:00:00.000500Z")));
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertEquals(CONTRACT.format(instant), Json.timestamp(instant), instant.toString());
        }
        assertEquals("2026-11-29T22:41:57.571Z", Json.timestamp(Instant.parse("2026-11-29T22:41:57.571992Z")));
    }

    @Test
    void years_beyond_four_digits_are_written_as_the_pattern_writes_them() {
        Instant farFuture = Instant.parse("+10000-01-01T00:00:00Z");
        Instant beforeYearZero = Instant.parse("-0001-06-01T00:00:00.5Z");
        assertEquals(CONTRACT.format(farFuture), Json.timestamp(farFuture));
        assertEquals(CONTRACT.format(beforeYearZero), Json.timestamp(beforeYearZero));
    }
}

package dev.dbref.domain.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps are taken in the domain, in UTC at millisecond precision, so both databases store the same instant. */
final class Now {
    private Now() {
    }

    static Instant of(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

package dev.dbref.domain.usecase;

import dev.dbref.domain.model.RecordedResponse;

/** How a write with an {@code Idempotency-Key} was answered. */
public sealed interface Answered {
    RecordedResponse response();

    /** It ran now, and this is its answer, stored with it. */
    record First(RecordedResponse response) implements Answered {
    }

    /** It had run before: nothing was written now, and this is the first answer again. */
    record Replayed(RecordedResponse response) implements Answered {
    }
}

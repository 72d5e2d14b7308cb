package dev.dbref.domain.model;

/**
 * The version a client claims for a conditional change ({@code If-Match}): any version, exactly
 * one, or a tag that names no version of ours and so can never match (RFC 9110 then asks for 412).
 */
public sealed interface ExpectedVersion {

    /** No condition: the change applies to whatever version is stored. */
    static ExpectedVersion any() {
        return Any.INSTANCE;
    }

    /** The change applies only while the stored version is {@code version}. */
    static ExpectedVersion of(long version) {
        return new Exactly(version);
    }

    /** A tag that is not one of our versions: the change never applies. */
    static ExpectedVersion unmatchable() {
        return Unmatchable.INSTANCE;
    }

    /** Whether a row stored at {@code version} satisfies this condition. */
    boolean admits(long version);

    enum Any implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean admits(long version) {
            return true;
        }
    }

    record Exactly(long version) implements ExpectedVersion {
        @Override
        public boolean admits(long stored) {
            return stored == version;
        }
    }

    enum Unmatchable implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean admits(long version) {
            return false;
        }
    }
}

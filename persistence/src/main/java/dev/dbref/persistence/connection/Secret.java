package dev.dbref.persistence.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A password or token: none, one given as text (in a URL, or an environment variable), or one in a
 * file (a mounted secret) that is read again each time it is needed, so that a rotated secret is
 * picked up without a restart. Its text is in no {@code toString}: a secret never reaches a log.
 */
public sealed interface Secret {
    /** The secret as it is now; for a file, read now. */
    Optional<String> value();

    /** Whether there is one at all (a file always counts: it is read when needed). */
    default boolean isGiven() {
        return !(this instanceof None);
    }

    /** This secret, or {@code fallback} where there is none. */
    default Secret or(Secret fallback) {
        return isGiven() ? this : fallback;
    }

    Secret NONE = new None();

    record None() implements Secret {
        @Override
        public Optional<String> value() {
            return Optional.empty();
        }
    }

    /** Given as text once. */
    record Text(String text) implements Secret {
        @Override
        public Optional<String> value() {
            return Optional.of(text);
        }

        @Override
        public String toString() {
            return "Text[***]";
        }
    }

    /**
     * In a file, read each time; one trailing newline (as {@code echo} and most editors leave) is
     * not part of it. A file that cannot be read fails with its name, never its content.
     *
     * @param variable the setting that named the file, for the message
     */
    record File(String variable, Path path) implements Secret {
        @Override
        public Optional<String> value() {
            try {
                String content = Files.readString(path);
                if (content.endsWith("\r\n")) {
                    content = content.substring(0, content.length() - 2);
                } else if (content.endsWith("\n")) {
                    content = content.substring(0, content.length() - 1);
                }
                return Optional.of(content);
            } catch (IOException e) {
                throw new UncheckedIOException(variable + ": cannot read the file " + path
                        + (e instanceof java.nio.file.NoSuchFileException ? " (it does not exist)"
                        : e instanceof java.nio.file.AccessDeniedException ? " (permission denied)" : ""), e);
            }
        }
    }
}

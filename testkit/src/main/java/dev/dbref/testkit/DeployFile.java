package dev.dbref.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operator files in {@code deploy/}, read by the tests and the benchmark as operators use them.
 * Found from the working directory upwards: Maven runs a module's tests in the module's folder,
 * {@code bench/run} runs in the repository's root.
 */
final class DeployFile {
    private DeployFile() {
    }

    static String read(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("deploy").resolve(name);
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readString(candidate);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("deploy/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}

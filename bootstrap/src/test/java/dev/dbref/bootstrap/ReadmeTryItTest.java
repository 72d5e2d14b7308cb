package dev.dbref.bootstrap;

import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Try it" block, run with bash and curl against a fresh service, twice on the same
 * database as a reader would paste it twice: every status its comments promise must be the one
 * answered, so the README cannot drift from the code.
 */
class ReadmeTryItTest {
    private static final Pattern BLOCK = Pattern.compile("## Try it\\n.*?```sh\\n(.*?)```", Pattern.DOTALL);
    /** A command's promised status: "# 201" at the end of its line, maybe followed by words. */
    private static final Pattern PROMISE = Pattern.compile("#\\s+(\\d{3})\\b[^\\n]*$", Pattern.MULTILINE);

    @Test
    void every_status_promised_in_try_it_is_the_one_answered_on_a_first_and_a_second_run() throws Exception {
        String block = tryItBlock();
        List<String> promised = new ArrayList<>();
        Matcher m = PROMISE.matcher(block);
        while (m.find()) {
            promised.add(m.group(1));
        }
        assertTrue(promised.size() >= 20, "too few promised statuses found: " + promised);

        try (Application app = TestServers.start(TestDatabase.SQLITE)) {
            String script = block.replace("api=localhost:8080", "api=127.0.0.1:" + app.port());
            assertEquals(promised, run(script), "first run");
            assertEquals(promised, run(script), "second run, same database");
        }
    }

    private static String tryItBlock() throws IOException {
        Path readme = Path.of("..", "README.md");
        Matcher m = BLOCK.matcher(Files.readString(readme, StandardCharsets.UTF_8));
        assertTrue(m.find(), "no ```sh block under '## Try it' in " + readme.toAbsolutePath());
        return m.group(1);
    }

    /** Runs the script with every curl reporting its status on stderr, one line each, in order. */
    private static List<String> run(String script) throws Exception {
        String prologue = "set -u\ncurl() { command curl --max-time 20 -w '%{stderr}%{http_code}\\n' \"$@\"; }\n";
        Process bash = new ProcessBuilder("bash", "-c", prologue + script).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] err = bash.getErrorStream().readAllBytes();
        assertTrue(bash.waitFor(120, TimeUnit.SECONDS), "the block did not finish");
        String statuses = new String(err, StandardCharsets.UTF_8);
        assertEquals(0, bash.exitValue(), statuses);
        return statuses.lines().toList();
    }
}

package dev.dbref.testkit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes {@code target/test-matrix.tsv} for {@code bin/test}: how many tests each test class ran
 * on which topology and database, and how many passed. A contract's tests are counted per
 * {@link Topology} (the invocation of its {@code @ParameterizedClass}); any other class counts for
 * the database its name starts with. Registered as a JUnit Platform listener by the service file.
 */
public final class MatrixReport implements TestExecutionListener {
    private static final String INVOCATION = "class-template-invocation";

    private final Map<String, int[]> rows = new TreeMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        String row = row(test);
        int[] counts = rows.computeIfAbsent(row, r -> new int[2]);
        counts[0]++;
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            counts[1]++;
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Path target = Path.of("target");
        if (rows.isEmpty() || !Files.isDirectory(target)) {
            return;
        }
        String lines = rows.entrySet().stream()
                .map(e -> e.getKey() + "\t" + e.getValue()[0] + "\t" + e.getValue()[1])
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(target.resolve("test-matrix.tsv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code class \t topology \t database}; {@code -} where there is none. */
    private String row(TestIdentifier test) {
        Optional<TestIdentifier> invocation = ancestor(test, INVOCATION);
        if (invocation.isPresent()) {
            String topology = invocation.get().getDisplayName().replaceFirst("^\\[\\d+]\\s*", "").replaceFirst("^\\w+\\s*=\\s*", "");
            String contract = plan.getParent(invocation.get()).map(TestIdentifier::getDisplayName).orElse("?");
            return contract + "\t" + topology + "\t" + databaseOf(topology);
        }
        String className = ancestor(test, "class").map(TestIdentifier::getDisplayName).orElse("?");
        return className + "\t-\t" + databaseOf(className);
    }

    /** Topology labels and class names start with their database's name (Topology's labels, SqliteXTest, PostgresXTest). */
    private static String databaseOf(String name) {
        return name.startsWith("SQLite") || name.startsWith("Sqlite") ? "SQLite"
                : name.startsWith("Postgre") ? "PostgreSQL" : "-";
    }

    private Optional<TestIdentifier> ancestor(TestIdentifier test, String segmentType) {
        Optional<TestIdentifier> current = Optional.of(test);
        while (current.isPresent()) {
            UniqueId id = current.get().getUniqueIdObject();
            if (id.getLastSegment().getType().equals(segmentType)) {
                return current;
            }
            current = plan.getParent(current.get());
        }
        return Optional.empty();
    }
}

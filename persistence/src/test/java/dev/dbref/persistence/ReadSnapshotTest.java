package dev.dbref.persistence;

import dev.dbref.domain.model.UserInclude;
import dev.dbref.domain.model.UserView;
import dev.dbref.domain.usecase.GetUser;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.diagnostics.StatementListener;
import dev.dbref.testkit.Connections;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read of several statements sees one snapshot; a single-query read runs alone. A writer
 * commits between the two statements of {@code GET /users/{id}?include=posts}: the posts
 * returned are those of the moment the user was read, not half of the writer's change.
 */
class ReadSnapshotTest {
    private static final String NOW = "'2026-12-01T00:00:00Z'";

    /** Runs {@code write} on a connection of its own right after the next statement of the pool's. */
    private static final class WriterBetweenStatements implements StatementListener {
        private final AtomicBoolean armed = new AtomicBoolean();
        private volatile String url;
        private volatile String write;

        void arm(String url, String write) {
            this.url = url;
            this.write = write;
            armed.set(true);
        }

        @Override
        public void executed(long nanos) {
            if (armed.compareAndSet(true, false)) {
                try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement()) {
                    s.execute(write); // autocommit: committed before the reader's next statement
                } catch (SQLException e) {
                    throw new IllegalStateException("the concurrent writer failed", e);
                }
            }
        }
    }

    private static void sql(String url, String... statements) throws SQLException {
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String post(String title) {
        return "INSERT INTO posts (user_id, title, title_key, created_at, updated_at) VALUES (1, '" + title + "', '"
                + title + "', " + NOW + ", " + NOW + ")";
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void the_posts_embedded_in_a_user_are_those_of_the_snapshot_the_user_was_read_in(TestDatabase kind) throws SQLException {
        Connections connections = kind.fresh();
        WriterBetweenStatements writer = new WriterBetweenStatements();
        try (DatabaseFixture db = DatabaseFixture.open(connections, PoolSettings.DEFAULTS.withTimeout(Duration.ofSeconds(10)), writer)) {
            String url = connections.url();
            sql(url, "INSERT INTO users (id, email, email_key, username, created_at, updated_at) VALUES "
                    + "(1, 'ada@example.com', 'ada@example.com', 'ada', " + NOW + ", " + NOW + ")", post("first"), post("second"));
            GetUser users = new GetUser(db.unitOfWork());

            writer.arm(url, post("third"));
            UserView seen = users.get(1, Set.of(UserInclude.POSTS));

            assertEquals(2, seen.posts().orElseThrow().size(),
                    "the writer committed between the two statements; the read must not see its post");
            assertEquals(3, users.get(1, Set.of(UserInclude.POSTS)).posts().orElseThrow().size(), "a later read does");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_single_query_read_refuses_a_second_statement(TestDatabase kind) {
        try (DatabaseFixture db = DatabaseFixture.fresh(kind)) {
            assertTrue(db.unitOfWork().readOne(repos -> repos.products().findById(1)).isEmpty());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.unitOfWork().readOne(repos -> {
                repos.products().findById(1);
                return repos.products().findById(2);
            }));
            assertTrue(e.getMessage().startsWith("a single-query read (UnitOfWork.readOne) ran a second statement"), e.getMessage());
            boolean neither = db.unitOfWork().read(repos -> repos.products().findById(1).isEmpty()
                    && repos.products().findById(2).isEmpty());
            assertTrue(neither, "a read of two queries runs both");
        }
    }
}

package dev.dbref.persistence;

import dev.dbref.testkit.TestDatabase;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.persistence.diagnostics.SqlEcho;
import dev.dbref.persistence.diagnostics.StatementListener;
import dev.dbref.persistence.migration.MigrationSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.dbref.persistence.TestProducts.aProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DB_ECHO logs each statement with its duration; bind values only when DB_HIDE_PARAMETERS=false. */
class SqlEchoTest {
    private static final Logger SQL_LOG = Logger.getLogger("dev.dbref.sql");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        SQL_LOG.setLevel(Level.ALL);
        SQL_LOG.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        SQL_LOG.removeHandler(capture);
    }

    private void insertWith(SqlEcho echo) {
        DatabaseUrl url = DatabaseUrl.parse(TestDatabase.SQLITE.freshUrl());
        try (Database database = Database.open(url, PoolSettings.DEFAULTS,
                Database.Options.DEFAULTS.migratingFirst(MigrationSettings.at(url))
                        .observedBy(new Database.Observation(StatementListener.NONE, echo, false, Optional.empty())))) {
            database.unitOfWork().write(r -> r.products().insert(aProduct().named("Secret Sauce").build(), Instant.now()));
        }
    }

    @Test
    void echo_masks_bind_values_by_default() {
        insertWith(new SqlEcho(true, true, Duration.ofSeconds(10)));

        String insert = records.stream().map(LogRecord::getMessage).filter(m -> m.contains("insert into")).findFirst().orElseThrow();
        assertTrue(insert.matches("sql \\[[0-9.]+ ms(, \\d+ rows)?] insert into .*"), insert);
        assertTrue(insert.contains("?"), insert);
        assertFalse(insert.contains("Secret Sauce"), insert);
    }

    @Test
    void echo_shows_bind_values_only_when_asked() {
        insertWith(new SqlEcho(true, false, Duration.ofSeconds(10)));

        assertTrue(records.stream().anyMatch(r -> r.getMessage().contains("'Secret Sauce'")));
    }

    @Test
    void the_read_by_id_is_echoed_like_every_other_statement() {
        // findById runs over plain JDBC (PreparedRead), through the same hooks as jOOQ's statements.
        insertAndReadWith(new SqlEcho(true, true, Duration.ofSeconds(10)));
        String read = records.stream().map(LogRecord::getMessage).filter(m -> m.contains("] select "))
                .findFirst().orElseThrow();
        assertTrue(read.matches("sql \\[[0-9.]+ ms, 1 rows] select .* = \\?"), read);
        records.clear();

        insertAndReadWith(new SqlEcho(true, false, Duration.ofSeconds(10)));
        assertTrue(records.stream().map(LogRecord::getMessage)
                .anyMatch(m -> m.matches("sql \\[[0-9.]+ ms, 1 rows] select .* = 1")), records.toString());

        records.clear();
        insertAndReadWith(new SqlEcho(false, true, Duration.ZERO));
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                && r.getMessage().matches("slow statement \\[[0-9.]+ ms, 1 rows] select .* = \\?")));
    }

    private void insertAndReadWith(SqlEcho echo) {
        DatabaseUrl url = DatabaseUrl.parse(TestDatabase.SQLITE.freshUrl());
        try (Database database = Database.open(url, PoolSettings.DEFAULTS,
                Database.Options.DEFAULTS.migratingFirst(MigrationSettings.at(url))
                        .observedBy(new Database.Observation(StatementListener.NONE, echo, false, Optional.empty())))) {
            long id = database.unitOfWork().write(r -> r.products().insert(aProduct().build(), Instant.now())).id();
            assertTrue(database.unitOfWork().readOne(r -> r.products().findById(id)).isPresent());
        }
    }

    @Test
    void echo_is_off_by_default_but_slow_statements_are_warned_about() {
        insertWith(SqlEcho.DEFAULTS);
        assertEquals(List.of(), records.stream().map(LogRecord::getMessage).toList());

        insertWith(new SqlEcho(false, true, Duration.ZERO));
        assertTrue(records.stream().allMatch(r -> r.getLevel() == Level.WARNING && r.getMessage().startsWith("slow statement")));
        assertFalse(records.isEmpty());
    }
}

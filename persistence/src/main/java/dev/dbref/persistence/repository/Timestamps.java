package dev.dbref.persistence.repository;

import org.jooq.SQLDialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Reads a {@code timestamp with time zone} column over plain JDBC ({@link PreparedRead}) as the
 * generated code's binding reads it through jOOQ ({@code dev.dbref.db.InstantBinding}).
 */
final class Timestamps {
    /** jOOQ's text on SQLite, {@code 2026-12-04 22:58:38.175+00:00}; also ISO's {@code T} and {@code Z}. */
    private static final DateTimeFormatter SQLITE_TEXT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter();

    private Timestamps() {
    }

    static Instant read(ResultSet row, int column, SQLDialect dialect) throws SQLException {
        if (dialect.family() == SQLDialect.POSTGRES) {
            // Decoded once by pgjdbc, as InstantBinding asks for it.
            return row.getObject(column, OffsetDateTime.class).toInstant();
        }
        return OffsetDateTime.parse(row.getString(column), SQLITE_TEXT).toInstant();
    }
}

package dev.dbref.persistence;

import dev.dbref.testkit.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Applies both dialects' migrations and compares the schemas jOOQ reads back: tables, columns,
 * types (up to the equivalences listed in {@link #family}), nullability, primary keys, foreign
 * keys and indexes. A migration changed in one folder and not the other fails here.
 */
class SchemaParityTest {

    @Test
    void sqlite_and_postgresql_migrations_build_the_same_schema() throws Exception {
        Map<String, String> sqlite = describe(TestDatabase.SQLITE);
        Map<String, String> postgresql = describe(TestDatabase.POSTGRESQL);

        assertFalse(sqlite.isEmpty(), "no tables found: the comparison would prove nothing");
        assertEquals(postgresql, sqlite);
    }

    /** One line per table: its columns (name, type family, nullability) and its indexes. */
    private static Map<String, String> describe(TestDatabase kind) throws Exception {
        try (DatabaseFixture db = DatabaseFixture.fresh(kind);
             Connection connection = db.database.pool().getConnection()) {
            DSLContext dsl = DSL.using(connection, db.database.dialect().jooq());
            Meta meta = dsl.meta();
            Map<String, String> tables = new TreeMap<>();
            for (Table<?> table : meta.getTables()) {
                String name = table.getName().toLowerCase(Locale.ROOT);
                if (name.startsWith("flyway_") || name.startsWith("sqlite_") || !isApplicationSchema(table)) {
                    continue;
                }
                Map<String, String> declared = kind == TestDatabase.SQLITE ? sqliteDeclaredTypes(dsl, name) : Map.of();
                String columns = java.util.Arrays.stream(table.fields())
                        .map(field -> column(field, declared))
                        .collect(Collectors.joining(", "));
                String indexes = table.getIndexes().stream()
                        .map(SchemaParityTest::index)
                        .sorted()
                        .collect(Collectors.joining(", "));
                String references = table.getReferences().stream()
                        .map(fk -> fk.getFields().stream().map(Field::getName).collect(Collectors.joining(","))
                                + "->" + fk.getKey().getTable().getName().toLowerCase(Locale.ROOT) + "("
                                + fk.getKeyFields().stream().map(Field::getName).collect(Collectors.joining(",")) + ")")
                        .sorted()
                        .collect(Collectors.joining(", "));
                String primaryKey = table.getPrimaryKey() == null ? "none" : table.getPrimaryKey().getFields().stream()
                        .map(Field::getName).collect(Collectors.joining(","));
                tables.put(name, "columns[" + columns + "] primary key[" + primaryKey + "] references[" + references
                        + "] indexes[" + indexes + "]");
            }
            return tables;
        }
    }

    private static boolean isApplicationSchema(Table<?> table) {
        String schema = table.getSchema() == null ? "" : table.getSchema().getName();
        return schema.isEmpty() || schema.equals("public") || schema.equals("main");
    }

    private static String column(Field<?> field, Map<String, String> declared) {
        String name = field.getName().toLowerCase(Locale.ROOT);
        String family = family(field);
        if (family.startsWith("decimal") && declared.containsKey(name)) {
            family = declared.get(name).replace("numeric", "decimal").replace(" ", "");
        }
        return name + " " + family + (field.getDataType().nullable() ? "" : " not null");
    }

    /**
     * SQLite's declared column types, exactly as written in the migration. sqlite-jdbc's metadata
     * reports the size of {@code NUMERIC(12,2)} as 14, so decimals are compared on the declaration.
     */
    private static Map<String, String> sqliteDeclaredTypes(DSLContext dsl, String table) {
        Map<String, String> types = new TreeMap<>();
        dsl.fetch("select name, type from pragma_table_info(?)", table)
                .forEach(r -> types.put(r.get(0, String.class).toLowerCase(Locale.ROOT), r.get(1, String.class).toLowerCase(Locale.ROOT)));
        return types;
    }

    private static String index(Index index) {
        return index.getName().toLowerCase(Locale.ROOT) + (index.getUnique() ? " unique" : "") + "("
                + index.getFields().stream().map(SortField::getName).collect(Collectors.joining(",")) + ")";
    }

    /**
     * The type as the application relies on it. SQLite's {@code INTEGER PRIMARY KEY} (required for
     * a rowid alias) is a 64-bit integer like PostgreSQL's {@code BIGINT}.
     */
    private static String family(Field<?> field) {
        var type = field.getDataType();
        String name = type.getTypeName().toLowerCase(Locale.ROOT);
        if (name.contains("int")) {
            return "integer";
        }
        if (type.hasPrecision() && (name.contains("numeric") || name.contains("decimal"))) {
            return "decimal(" + type.precision() + "," + type.scale() + ")";
        }
        if (name.contains("timestamp")) {
            return "timestamp";
        }
        if (name.contains("char") && type.hasLength() && type.length() > 0) {
            return "varchar(" + type.length() + ")";
        }
        if (name.contains("text") || name.contains("clob") || name.contains("char")) {
            return "text";
        }
        return name;
    }
}

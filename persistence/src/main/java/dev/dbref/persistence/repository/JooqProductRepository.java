package dev.dbref.persistence.repository;

import dev.dbref.domain.model.ExpectedVersion;
import dev.dbref.db.jooq.tables.records.ProductsRecord;
import dev.dbref.domain.model.PagePosition;
import dev.dbref.domain.model.Price;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.ProductField;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.model.ProductPatch;
import dev.dbref.domain.model.ProductQuery;
import dev.dbref.domain.model.SeekKey;
import dev.dbref.domain.model.SortKey;
import dev.dbref.domain.port.ProductRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.SortField;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.dbref.db.jooq.Tables.PRODUCTS;

/** {@link ProductRepository} in type-safe jOOQ, on the connection of one unit of work. */
public final class JooqProductRepository implements ProductRepository {
    private static final Map<ProductField, TableField<ProductsRecord, ?>> COLUMNS = Map.of(
            ProductField.ID, PRODUCTS.ID,
            ProductField.NAME, PRODUCTS.NAME,
            ProductField.DESCRIPTION, PRODUCTS.DESCRIPTION,
            ProductField.PRICE, PRODUCTS.PRICE,
            ProductField.QUANTITY, PRODUCTS.QUANTITY,
            ProductField.VERSION, PRODUCTS.VERSION,
            ProductField.CREATED_AT, PRODUCTS.CREATED_AT,
            ProductField.UPDATED_AT, PRODUCTS.UPDATED_AT);

    /** GET by id, the hottest statement ({@link PreparedRead}): its columns in the order {@link #readProduct} reads them. */
    private static final PreparedRead<Product> BY_ID = new PreparedRead<>(id -> DSL
            .select(PRODUCTS.ID, PRODUCTS.NAME, PRODUCTS.DESCRIPTION, PRODUCTS.PRICE, PRODUCTS.QUANTITY,
                    PRODUCTS.VERSION, PRODUCTS.CREATED_AT, PRODUCTS.UPDATED_AT)
            .from(PRODUCTS)
            .where(PRODUCTS.ID.eq(DSL.val(id))), JooqProductRepository::readProduct);

    private final DSLContext tx;

    JooqProductRepository(DSLContext tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Product> findById(long id) {
        return BY_ID.fetch(tx, id);
    }

    @Override
    public boolean exists(long id) {
        return tx.fetchExists(PRODUCTS, PRODUCTS.ID.eq(id));
    }

    @Override
    public Product insert(ProductDraft draft, Instant now) {
        return tx.insertInto(PRODUCTS, PRODUCTS.NAME, PRODUCTS.NAME_KEY, PRODUCTS.DESCRIPTION, PRODUCTS.PRICE,
                        PRODUCTS.QUANTITY, PRODUCTS.VERSION, PRODUCTS.CREATED_AT, PRODUCTS.UPDATED_AT)
                .values(draft.name(), draft.nameKey(), draft.description(), draft.price(), draft.quantity(),
                        1L, now, now)
                .returning()
                .fetchSingle(JooqProductRepository::toProduct);
    }

    @Override
    public List<Long> insertAll(List<ProductDraft> drafts, Instant now) {
        // One statement, one round trip, a few binds whatever the size (see ProductRows). Identity
        // values are assigned in the order of ord, so sorting the returned ids restores the input order.
        ProductRows rows = ProductRows.of(tx, drafts);
        return tx.insertInto(PRODUCTS, PRODUCTS.NAME, PRODUCTS.NAME_KEY, PRODUCTS.DESCRIPTION, PRODUCTS.PRICE,
                        PRODUCTS.QUANTITY, PRODUCTS.VERSION, PRODUCTS.CREATED_AT, PRODUCTS.UPDATED_AT)
                .select(DSL.select(rows.name, rows.nameKey, rows.description, rows.price, rows.quantity,
                                DSL.val(1L), DSL.val(now, PRODUCTS.CREATED_AT), DSL.val(now, PRODUCTS.UPDATED_AT))
                        .from(rows.table)
                        .orderBy(rows.position))
                .returningResult(PRODUCTS.ID)
                .fetch(PRODUCTS.ID)
                .stream()
                .sorted()
                .toList();
    }

    @Override
    public Optional<Product> replace(long id, ProductDraft draft, ExpectedVersion expectedVersion, Instant now) {
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        changes.put(PRODUCTS.NAME, draft.name());
        changes.put(PRODUCTS.NAME_KEY, draft.nameKey());
        changes.put(PRODUCTS.DESCRIPTION, draft.description());
        changes.put(PRODUCTS.PRICE, draft.price());
        changes.put(PRODUCTS.QUANTITY, draft.quantity());
        return updateOne(id, expectedVersion, changes, now);
    }

    @Override
    public Optional<Product> update(long id, ProductPatch patch, ExpectedVersion expectedVersion, Instant now) {
        return updateOne(id, expectedVersion, changesOf(patch), now);
    }

    /** One statement: the version check and the change are atomic, so no concurrent change is lost. */
    private Optional<Product> updateOne(long id, ExpectedVersion expectedVersion, Map<Field<?>, Object> changes, Instant now) {
        return tx.update(PRODUCTS)
                .set(withNewVersion(changes, now))
                .where(PRODUCTS.ID.eq(id).and(versionIs(expectedVersion)))
                .returning()
                .fetchOptional()
                .map(JooqProductRepository::toProduct);
    }

    @Override
    public boolean delete(long id, ExpectedVersion expectedVersion) {
        return tx.deleteFrom(PRODUCTS).where(PRODUCTS.ID.eq(id).and(versionIs(expectedVersion))).execute() == 1;
    }

    private static Condition versionIs(ExpectedVersion expected) {
        return switch (expected) {
            case ExpectedVersion.Any any -> DSL.noCondition();
            case ExpectedVersion.Exactly exactly -> PRODUCTS.VERSION.eq(exactly.version());
            case ExpectedVersion.Unmatchable never -> DSL.falseCondition();
        };
    }

    @Override
    public List<Product> find(ProductQuery query) {
        return pageQuery(query).fetch(JooqProductRepository::toProduct);
    }

    /** The page's one statement, apart so that a test can ask the database for its plan. */
    public ResultQuery<Record> pageQuery(ProductQuery query) {
        List<Field<?>> columns = query.fieldsToRead().stream().<Field<?>>map(COLUMNS::get).toList();
        List<SortField<?>> order = query.totalOrder().stream().<SortField<?>>map(JooqProductRepository::sortField).toList();
        Condition matches = ProductConditions.of(query.filter());
        // A seek (the database starts at the cursor in an index and reads only the page's rows), or
        // the first page: the same index scan from its start, cheaper than the join below.
        Optional<Condition> seek = query.page().position() instanceof PagePosition.After after
                ? Optional.of(Seek.after(seekKeys(query.totalOrder(), after.key())))
                : Optional.empty();
        if (seek.isPresent() || query.page().skip() == 0) {
            return tx.select(columns)
                    .from(PRODUCTS)
                    .where(seek.map(matches::and).orElse(matches))
                    .orderBy(order)
                    .limit(query.page().rowsToFetch());
        }
        // Deferred ids: the page's ids come from the primary-key index alone (an index-only scan
        // on PostgreSQL), so skipping thousands of rows does not read thousands of rows; only the
        // page's own rows are then fetched. Twice as fast at skip=5000, bench/run measured.
        Select<Record1<Long>> pageIds = tx.select(PRODUCTS.ID)
                .from(PRODUCTS)
                .where(matches)
                .orderBy(order)
                .limit(query.page().rowsToFetch())
                .offset(query.page().skip());
        return rowsOf(pageIds, columns, order);
    }

    /** The rows of a page whose ids {@code pageIds} selects, read after the ids and only once. */
    private ResultQuery<Record> rowsOf(Select<Record1<Long>> pageIds, List<Field<?>> columns, List<SortField<?>> order) {
        if (tx.dialect().family() == SQLDialect.POSTGRES) {
            // Computed once whatever the planner believes: = ANY(ARRAY(...)) is always an InitPlan.
            // A join with the page let a planner with stale statistics (right after a bulk load)
            // re-sort the table per row, and a 0.1 s page hit the 30 s statement timeout.
            return tx.select(columns)
                    .from(PRODUCTS)
                    .where(PRODUCTS.ID.eq(DSL.any(DSL.array(pageIds))))
                    .orderBy(order);
        }
        // SQLite runs the page as a co-routine once and fetches each row by its rowid; an IN list
        // would make it scan the table in sort order instead (SkipPagePlanTest).
        Table<Record1<Long>> page = pageIds.asTable("page");
        return tx.select(columns)
                .from(PRODUCTS)
                .join(page).on(PRODUCTS.ID.eq(page.field(PRODUCTS.ID)))
                .orderBy(order);
    }

    /** The cursor's values, typed by the column they belong to. */
    private static List<Seek.Key<?>> seekKeys(List<SortKey> order, SeekKey cursor) {
        if (cursor.values().size() != order.size()) {
            throw Seek.notOurs();
        }
        List<Seek.Key<?>> keys = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            keys.add(seekKey(order.get(i), cursor.values().get(i)));
        }
        return keys;
    }

    private static Seek.Key<?> seekKey(SortKey key, String text) {
        try {
            return switch (key.field()) {
                case ID -> new Seek.Key<>(PRODUCTS.ID, key.descending(), Long.parseLong(text));
                case NAME -> new Seek.Key<>(PRODUCTS.NAME, key.descending(), text);
                case PRICE -> new Seek.Key<>(PRODUCTS.PRICE, key.descending(), new BigDecimal(text));
                case QUANTITY -> new Seek.Key<>(PRODUCTS.QUANTITY, key.descending(), Long.parseLong(text));
                case CREATED_AT -> new Seek.Key<>(PRODUCTS.CREATED_AT, key.descending(), Instant.parse(text));
                case DESCRIPTION, VERSION, UPDATED_AT -> throw Seek.notOurs();
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw Seek.notOurs();
        }
    }

    @Override
    public long count(ProductFilter filter) {
        return tx.fetchCount(PRODUCTS, ProductConditions.of(filter));
    }

    @Override
    public int updateAll(ProductFilter filter, ProductPatch patch, Instant now) {
        return tx.update(PRODUCTS)
                .set(withNewVersion(changesOf(patch), now))
                .where(ProductConditions.of(filter))
                .execute();
    }

    @Override
    public int deleteAll(ProductFilter filter) {
        return tx.deleteFrom(PRODUCTS).where(ProductConditions.of(filter)).execute();
    }

    private static Map<Field<?>, Object> changesOf(ProductPatch patch) {
        return new Changes()
                .set(PRODUCTS.NAME, patch.name())
                .set(PRODUCTS.NAME_KEY, patch.nameKey())
                .set(PRODUCTS.DESCRIPTION, patch.description())
                .set(PRODUCTS.PRICE, patch.price())
                .set(PRODUCTS.QUANTITY, patch.quantity())
                .asMap();
    }

    private static Map<Field<?>, Object> withNewVersion(Map<Field<?>, Object> changes, Instant now) {
        Map<Field<?>, Object> all = new LinkedHashMap<>(changes);
        all.put(PRODUCTS.VERSION, PRODUCTS.VERSION.plus(1L));
        all.put(PRODUCTS.UPDATED_AT, now);
        return all;
    }

    private static SortField<?> sortField(SortKey key) {
        TableField<ProductsRecord, ?> column = COLUMNS.get(key.field());
        return key.descending() ? column.desc() : column.asc();
    }

    /** Maps a full row or a projection; columns not selected stay {@code null} or zero. */
    private static Product toProduct(Record r) {
        return new Product(
                valueOr(r, PRODUCTS.ID, 0L),
                valueOr(r, PRODUCTS.NAME, null),
                valueOr(r, PRODUCTS.DESCRIPTION, null),
                price(valueOr(r, PRODUCTS.PRICE, null)),
                valueOr(r, PRODUCTS.QUANTITY, 0L),
                valueOr(r, PRODUCTS.VERSION, 0L),
                valueOr(r, PRODUCTS.CREATED_AT, null),
                valueOr(r, PRODUCTS.UPDATED_AT, null));
    }

    private static Product readProduct(ResultSet row, SQLDialect dialect) throws SQLException {
        return new Product(row.getLong(1), row.getString(2), row.getString(3), price(row.getBigDecimal(4)),
                row.getLong(5), row.getLong(6), Timestamps.read(row, 7, dialect), Timestamps.read(row, 8, dialect));
    }

    private static <T> T valueOr(Record r, Field<T> field, T absent) {
        return r.field(field) == null ? absent : r.get(field);
    }

    /** SQLite keeps NUMERIC values as binary floats; the canonical scale restores the exact cents. */
    private static BigDecimal price(BigDecimal stored) {
        return stored == null ? null : stored.setScale(Price.SCALE, RoundingMode.HALF_EVEN);
    }
}

package dev.dbref.domain.port;

import dev.dbref.domain.model.ExpectedVersion;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.model.ProductPatch;
import dev.dbref.domain.model.ProductQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The products port. An instance is bound to one unit of work: every call runs in that
 * transaction, on its connection. Obtain it from {@link Repositories}, never keep it beyond the work.
 *
 * <p>Methods taking an {@link ExpectedVersion} apply the optimistic-lock check inside the same
 * statement as the change ({@code ... WHERE id = ? AND version = ?}).
 */
public interface ProductRepository {

    Optional<Product> findById(long id);

    boolean exists(long id);

    /** Inserts with version 1 and both timestamps at {@code now}; returns the stored product. */
    Product insert(ProductDraft draft, Instant now);

    /** Inserts every draft in as few round trips as the database allows; returns the ids in input order. */
    List<Long> insertAll(List<ProductDraft> drafts, Instant now);

    /** Replaces every property; empty when no row has that id (and version, if given). */
    Optional<Product> replace(long id, ProductDraft draft, ExpectedVersion expectedVersion, Instant now);

    /** Changes the present properties only; empty when no row has that id (and version, if given). */
    Optional<Product> update(long id, ProductPatch patch, ExpectedVersion expectedVersion, Instant now);

    /** True when a row was deleted; false when no row has that id (and version, if given). */
    boolean delete(long id, ExpectedVersion expectedVersion);

    /**
     * The page's products in the query's total order, from its position, {@link
     * dev.dbref.domain.model.PageRequest#rowsToFetch()} at most, reading {@link ProductQuery#fieldsToRead()}.
     */
    List<Product> find(ProductQuery query);

    long count(ProductFilter filter);

    /** Applies {@code patch} to every match, each version +1, in one statement; returns the count. */
    int updateAll(ProductFilter filter, ProductPatch patch, Instant now);

    /** Deletes every match in one statement; returns the count. */
    int deleteAll(ProductFilter filter);
}

package dev.dbref.domain.usecase;

import dev.dbref.domain.model.ExpectedVersion;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.ProductFilter;
import dev.dbref.domain.model.ProductPatch;
import dev.dbref.domain.model.ProductQuery;
import dev.dbref.domain.port.ProductRepository;
import dev.dbref.domain.port.Repositories;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fake of the product port and the unit of work for use-case tests: a map, copied at the start
 * of each unit of work and put back only when the work returns, so rollback is real. Filters,
 * sorting and paging are the persistence contract tests' business, not this fake's.
 */
final class InMemoryProducts implements UnitOfWork {
    private TreeMap<Long, Product> committed = new TreeMap<>();
    final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private long nextId = 1;
    int unitsOfWork;

    @Override
    public <T> T read(Work<T> work) {
        return write(work);
    }

    @Override
    public synchronized <T> T write(Work<T> work) {
        unitsOfWork++;
        Repo tx = new Repo(new TreeMap<>(committed));
        InMemoryIdempotencyKeys.Tx keysTx = keys.begin();
        T result = work.run(new Repositories() {
            @Override
            public ProductRepository products() {
                return tx;
            }

            @Override
            public dev.dbref.domain.port.UserRepository users() {
                throw new UnsupportedOperationException("this fake holds products only");
            }

            @Override
            public dev.dbref.domain.port.PostRepository posts() {
                throw new UnsupportedOperationException("this fake holds products only");
            }

            @Override
            public dev.dbref.domain.port.IdempotencyRepository idempotency() {
                return keysTx;
            }
        });
        committed = tx.rows;
        keys.commit(keysTx);
        return result;
    }

    int size() {
        return committed.size();
    }

    private final class Repo implements ProductRepository {
        private final TreeMap<Long, Product> rows;

        Repo(TreeMap<Long, Product> rows) {
            this.rows = rows;
        }

        @Override
        public Optional<Product> findById(long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public boolean exists(long id) {
            return rows.containsKey(id);
        }

        @Override
        public Product insert(ProductDraft d, Instant now) {
            Product p = new Product(nextId++, d.name(), d.description(), d.price(), d.quantity(), 1, now, now);
            rows.put(p.id(), p);
            return p;
        }

        @Override
        public List<Long> insertAll(List<ProductDraft> drafts, Instant now) {
            return drafts.stream().map(d -> insert(d, now).id()).toList();
        }

        @Override
        public Optional<Product> replace(long id, ProductDraft d, ExpectedVersion expectedVersion, Instant now) {
            return change(id, expectedVersion, p -> new Product(id, d.name(), d.description(), d.price(), d.quantity(),
                    p.version() + 1, p.createdAt(), now));
        }

        @Override
        public Optional<Product> update(long id, ProductPatch patch, ExpectedVersion expectedVersion, Instant now) {
            return change(id, expectedVersion, p -> new Product(id, patch.name().orElse(p.name()),
                    patch.description().orElse(p.description()), patch.price().orElse(p.price()),
                    patch.quantity().orElse(p.quantity()), p.version() + 1, p.createdAt(), now));
        }

        private Optional<Product> change(long id, ExpectedVersion expectedVersion, java.util.function.UnaryOperator<Product> how) {
            Product current = rows.get(id);
            if (current == null || !expectedVersion.admits(current.version())) {
                return Optional.empty();
            }
            Product next = how.apply(current);
            rows.put(id, next);
            return Optional.of(next);
        }

        @Override
        public boolean delete(long id, ExpectedVersion expectedVersion) {
            Product current = rows.get(id);
            if (current == null || !expectedVersion.admits(current.version())) {
                return false;
            }
            rows.remove(id);
            return true;
        }

        @Override
        public List<Product> find(ProductQuery query) {
            return new ArrayList<>(rows.values());
        }

        @Override
        public long count(ProductFilter filter) {
            return rows.size();
        }

        @Override
        public int updateAll(ProductFilter filter, ProductPatch patch, Instant now) {
            List<Long> ids = new ArrayList<>(rows.keySet());
            ids.forEach(id -> update(id, patch, ExpectedVersion.any(), now));
            return ids.size();
        }

        @Override
        public int deleteAll(ProductFilter filter) {
            int n = rows.size();
            rows.clear();
            return n;
        }
    }
}

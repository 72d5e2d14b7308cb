package dev.dbref.persistence.repository;

import dev.dbref.persistence.connection.SqlErrors;
import dev.dbref.db.jooq.tables.records.UsersRecord;
import dev.dbref.domain.model.ConflictException;
import dev.dbref.domain.model.Owner;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserDraft;
import dev.dbref.domain.model.UserFilter;
import dev.dbref.domain.model.UserPatch;
import dev.dbref.domain.port.UserRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.dbref.db.jooq.Tables.USERS;

/** {@link UserRepository} in type-safe jOOQ, on the connection of one unit of work. */
final class JooqUserRepository implements UserRepository {
    private final DSLContext tx;

    JooqUserRepository(DSLContext tx) {
        this.tx = tx;
    }

    @Override
    public Optional<User> findById(long id) {
        return tx.selectFrom(USERS).where(USERS.ID.eq(id)).fetchOptional().map(JooqUserRepository::toUser);
    }

    @Override
    public boolean exists(long id) {
        return tx.fetchExists(USERS, USERS.ID.eq(id));
    }

    @Override
    public Optional<Owner> ownerOf(long id) {
        return tx.select(USERS.OWNER_SUBJECT).from(USERS).where(USERS.ID.eq(id)).fetchOptional()
                .map(row -> Owners.fromColumn(row.value1()));
    }

    @Override
    public User insert(UserDraft draft, Owner owner, Instant now) {
        return uniqueEmail(() -> tx.insertInto(USERS)
                .set(USERS.OWNER_SUBJECT, Owners.toColumn(owner))
                .set(USERS.EMAIL, draft.email())
                .set(USERS.EMAIL_KEY, draft.emailKey())
                .set(USERS.USERNAME, draft.username())
                .set(USERS.FULL_NAME, draft.fullName())
                .set(USERS.CREATED_AT, now)
                .set(USERS.UPDATED_AT, now)
                .returning()
                .fetchSingle(JooqUserRepository::toUser));
    }

    @Override
    public Optional<User> update(long id, UserPatch patch, Instant now) {
        Map<Field<?>, Object> changes = new Changes()
                .set(USERS.EMAIL, patch.email())
                .set(USERS.EMAIL_KEY, patch.emailKey())
                .set(USERS.USERNAME, patch.username())
                .set(USERS.FULL_NAME, patch.fullName())
                .always(USERS.UPDATED_AT, now)
                .asMap();
        return uniqueEmail(() -> tx.update(USERS).set(changes).where(USERS.ID.eq(id)).returning()
                .fetchOptional(JooqUserRepository::toUser));
    }

    @Override
    public boolean delete(long id) {
        return tx.deleteFrom(USERS).where(USERS.ID.eq(id)).execute() == 1;
    }

    @Override
    public List<User> find(UserFilter filter, PageRequest page) {
        return tx.selectFrom(USERS).where(condition(filter)).and(Seek.afterId(USERS.ID, page)).orderBy(USERS.ID)
                .limit(page.rowsToFetch()).offset(page.skip())
                .fetch(JooqUserRepository::toUser);
    }

    @Override
    public long count(UserFilter filter) {
        return tx.fetchCount(USERS, condition(filter));
    }

    @Override
    public List<User> findAllById(Collection<Long> ids) {
        return tx.selectFrom(USERS).where(USERS.ID.in(ids)).orderBy(USERS.ID).fetch(JooqUserRepository::toUser);
    }

    private static Condition condition(UserFilter filter) {
        List<Condition> all = new ArrayList<>();
        filter.emailKey().ifPresent(key -> all.add(USERS.EMAIL_KEY.eq(key)));
        filter.username().ifPresent(name -> all.add(USERS.USERNAME.eq(name)));
        return DSL.and(all);
    }

    /** The unique index decides, atomically; its violation is the domain's conflict. */
    private static <T> T uniqueEmail(Supplier<T> statement) {
        try {
            return statement.get();
        } catch (IntegrityConstraintViolationException e) {
            if (SqlErrors.isUniqueViolation(SqlErrors.sqlCause(e))) {
                throw new ConflictException("a user with this e-mail address already exists");
            }
            throw e;
        }
    }

    static User toUser(UsersRecord r) {
        return new User(r.getId(), r.getEmail(), r.getUsername(), r.getFullName(), r.getCreatedAt(), r.getUpdatedAt());
    }
}

package dev.dbref.persistence.repository;

import dev.dbref.db.jooq.tables.records.PostsRecord;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.Owner;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostDraft;
import dev.dbref.domain.model.PostFilter;
import dev.dbref.domain.model.PostPatch;
import dev.dbref.domain.port.PostRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.dbref.db.jooq.Tables.POSTS;
import static dev.dbref.db.jooq.Tables.USERS;

/** {@link PostRepository} in type-safe jOOQ, on the connection of one unit of work. */
final class JooqPostRepository implements PostRepository {
    private final DSLContext tx;

    JooqPostRepository(DSLContext tx) {
        this.tx = tx;
    }

    @Override
    public Optional<Owner> ownerOf(long id) {
        return tx.select(USERS.OWNER_SUBJECT).from(POSTS).join(USERS).on(USERS.ID.eq(POSTS.USER_ID))
                .where(POSTS.ID.eq(id)).fetchOptional().map(row -> Owners.fromColumn(row.value1()));
    }

    @Override
    public Optional<Post> findById(long id) {
        return tx.selectFrom(POSTS).where(POSTS.ID.eq(id)).fetchOptional().map(JooqPostRepository::toPost);
    }

    @Override
    public Post insert(long userId, PostDraft draft, Instant now) {
        return tx.insertInto(POSTS)
                .set(POSTS.USER_ID, userId)
                .set(POSTS.TITLE, draft.title())
                .set(POSTS.TITLE_KEY, draft.titleKey())
                .set(POSTS.BODY, draft.body())
                .set(POSTS.CREATED_AT, now)
                .set(POSTS.UPDATED_AT, now)
                .returning()
                .fetchSingle(JooqPostRepository::toPost);
    }

    @Override
    public Optional<Post> update(long id, PostPatch patch, Instant now) {
        Map<Field<?>, Object> changes = new Changes()
                .set(POSTS.TITLE, patch.title())
                .set(POSTS.TITLE_KEY, patch.titleKey())
                .set(POSTS.BODY, patch.body())
                .always(POSTS.UPDATED_AT, now)
                .asMap();
        return tx.update(POSTS).set(changes).where(POSTS.ID.eq(id)).returning().fetchOptional(JooqPostRepository::toPost);
    }

    @Override
    public boolean delete(long id) {
        return tx.deleteFrom(POSTS).where(POSTS.ID.eq(id)).execute() == 1;
    }

    @Override
    public List<Post> find(PostFilter filter, PageRequest page) {
        return tx.selectFrom(POSTS).where(condition(filter)).and(Seek.afterId(POSTS.ID, page)).orderBy(POSTS.ID)
                .limit(page.rowsToFetch()).offset(page.skip())
                .fetch(JooqPostRepository::toPost);
    }

    @Override
    public long count(PostFilter filter) {
        return tx.fetchCount(POSTS, condition(filter));
    }

    @Override
    public List<Post> findAllByUserIds(Collection<Long> userIds) {
        return tx.selectFrom(POSTS).where(POSTS.USER_ID.in(userIds)).orderBy(POSTS.ID).fetch(JooqPostRepository::toPost);
    }

    private static Condition condition(PostFilter filter) {
        List<Condition> all = new ArrayList<>();
        filter.userId().ifPresent(id -> all.add(POSTS.USER_ID.eq(id)));
        filter.titleContains().ifPresent(text -> all.add(SearchPatterns.contains(POSTS.TITLE_KEY, text)));
        return DSL.and(all);
    }

    static Post toPost(PostsRecord r) {
        return new Post(r.getId(), r.getUserId(), r.getTitle(), r.getBody(), r.getCreatedAt(), r.getUpdatedAt());
    }
}

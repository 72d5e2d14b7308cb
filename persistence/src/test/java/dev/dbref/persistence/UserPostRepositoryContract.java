package dev.dbref.persistence;

import dev.dbref.testkit.Topology;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.dbref.persistence.connection.PoolSettings;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.ConflictException;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.Owner;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostDraft;
import dev.dbref.domain.model.PostFilter;
import dev.dbref.domain.model.ResultPage;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserDraft;
import dev.dbref.domain.model.UserFilter;
import dev.dbref.domain.model.UserInclude;
import dev.dbref.domain.model.UserQuery;
import dev.dbref.domain.model.PostInclude;
import dev.dbref.domain.model.PostQuery;
import dev.dbref.domain.model.UserPatch;
import dev.dbref.domain.model.UserView;
import dev.dbref.domain.port.UnitOfWork;
import dev.dbref.domain.usecase.ListPosts;
import dev.dbref.domain.usecase.ListUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users, posts and their relationship, run unchanged on every real database. */
@ParameterizedClass
// Not on the standby topology: the persistence layer reads what it just wrote without a
// Consistency-Token (that is the web adapter's part, which the HTTP contracts cover there).
@EnumSource(value = Topology.class, names = {"SQLITE_FILE", "POSTGRES", "POSTGRES_VIA_PGBOUNCER", "POSTGRES_TLS_LEAST_PRIVILEGE"})
class UserPostRepositoryContract {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00.000Z");

    private final AtomicInteger statements = new AtomicInteger();
    private DatabaseFixture db;
    private UnitOfWork uow;

    @Parameter
    Topology topology;

    @BeforeEach
    void open() {
        db = DatabaseFixture.on(topology, PoolSettings.DEFAULTS, nanos -> statements.incrementAndGet());
        uow = db.unitOfWork();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private User user(String email) {
        return uow.write(r -> r.users().insert(new UserDraft(email, "user_" + Math.abs(email.hashCode()), null), Owner.NOBODY, NOW));
    }

    private Post post(long userId, String title) {
        return uow.write(r -> r.posts().insert(userId, new PostDraft(title, null), NOW));
    }

    @Test
    void a_user_and_its_posts_keep_the_owner_they_were_created_with() {
        // Bound to its owner: on PostgreSQL, row-level security refuses a row in someone else's name.
        UnitOfWork ada = uow.actingFor(new Caller.Authenticated("auth0|ada", Set.of()));
        User owned = ada.write(r -> r.users().insert(
                new UserDraft("own@example.com", "owned", null), new Owner.Subject("auth0|ada"), NOW));
        User unowned = user("nobody@example.com");
        Post post = ada.write(r -> r.posts().insert(owned.id(), new PostDraft("mine", null), NOW));

        assertEquals(Optional.of(new Owner.Subject("auth0|ada")), uow.read(r -> r.users().ownerOf(owned.id())));
        assertEquals(Optional.of(Owner.NOBODY), uow.read(r -> r.users().ownerOf(unowned.id())));
        assertEquals(Optional.of(new Owner.Subject("auth0|ada")), uow.read(r -> r.posts().ownerOf(post.id())));
        assertEquals(Optional.empty(), uow.read(r -> r.users().ownerOf(owned.id() + 1000)));
        assertEquals(Optional.empty(), uow.read(r -> r.posts().ownerOf(post.id() + 1000)));
    }

    @Test
    void a_user_is_stored_with_its_email_as_given() {
        User u = uow.write(r -> r.users().insert(new UserDraft("Ada@Example.COM", "ada", "Ada Lovelace"), Owner.NOBODY, NOW));

        User read = uow.read(r -> r.users().findById(u.id())).orElseThrow();
        assertEquals("Ada@Example.COM", read.email());
        assertEquals("ada", read.username());
        assertEquals("Ada Lovelace", read.fullName());
        assertEquals(NOW, read.createdAt());
    }

    @Test
    void emails_are_unique_ignoring_case_on_insert_and_update() {
        user("ada@example.com");
        long other = user("bob@example.com").id();

        assertThrows(ConflictException.class, () -> user("ADA@example.com"));
        assertThrows(ConflictException.class, () -> uow.write(r -> r.users().update(other,
                new UserPatch(Change.to("Ada@Example.com"), Change.keep(), Change.keep()), NOW)));
        assertEquals(2, (long) uow.read(r -> r.users().count(UserFilter.NONE)));
        assertEquals(0, db.database.poolStats().active());
    }

    @Test
    void the_email_filter_is_exact_and_case_insensitive() {
        long ada = user("ada@example.com").id();
        user("ada@example.org");

        List<User> found = uow.read(r -> r.users().find(UserFilter.NONE.withEmail("ADA@EXAMPLE.COM"), PageRequest.FIRST));
        assertEquals(List.of(ada), found.stream().map(User::id).toList());
    }

    @Test
    void deleting_a_user_deletes_its_posts_through_the_foreign_key() {
        long ada = user("ada@example.com").id();
        long bob = user("bob@example.com").id();
        long adaPost = post(ada, "first").id();
        long bobPost = post(bob, "second").id();

        boolean deleted = uow.write(r -> r.users().delete(ada));
        assertTrue(deleted);

        assertTrue(uow.read(r -> r.posts().findById(adaPost)).isEmpty());
        assertTrue(uow.read(r -> r.posts().findById(bobPost)).isPresent());
    }

    @Test
    void title_contains_is_case_insensitive_and_literal() {
        long ada = user("ada@example.com").id();
        long hit = post(ada, "Über 50% off").id();
        post(ada, "nothing here");

        assertEquals(List.of(hit), uow.read(r -> r.posts().find(PostFilter.NONE.titleContaining("über 50%"), PageRequest.FIRST))
                .stream().map(Post::id).toList());
        assertEquals(List.of(), uow.read(r -> r.posts().find(PostFilter.NONE.titleContaining("5_%"), PageRequest.FIRST)));
    }

    @Test
    void embedding_posts_in_a_list_of_users_runs_three_statements_for_1_10_or_100_users() {
        for (int n : new int[] {1, 10, 100}) {
            uow.write(r -> {
                for (int i = 0; i < n; i++) {
                    long id = r.users().insert(new UserDraft("u" + n + "_" + i + "@example.com", "user" + n + "_" + i, null), Owner.NOBODY, NOW).id();
                    for (int p = 0; p < 5; p++) {
                        r.posts().insert(id, new PostDraft("post " + p, null), NOW);
                    }
                }
                return null;
            });
            statements.set(0);

            ResultPage<UserView> page = new ListUsers(uow).list(new UserQuery(UserFilter.NONE, PageRequest.offset(0, n), Set.of(UserInclude.POSTS)));

            assertEquals(3, statements.get(), "statements for " + n + " users");
            assertEquals(n, page.items().size());
            page.items().forEach(v -> assertEquals(5, v.posts().orElseThrow().size()));
            uow.write(r -> r.users().find(UserFilter.NONE, PageRequest.offset(0, 1000)).stream()
                    .map(u -> r.users().delete(u.id())).toList());
        }
    }

    @Test
    void embedding_authors_in_a_list_of_posts_runs_three_statements() {
        long ada = user("ada@example.com").id();
        long bob = user("bob@example.com").id();
        for (int i = 0; i < 20; i++) {
            post(i % 2 == 0 ? ada : bob, "p" + i);
        }
        statements.set(0);

        var page = new ListPosts(uow).list(new PostQuery(PostFilter.NONE, PageRequest.FIRST, Set.of(PostInclude.USER)));

        assertEquals(3, statements.get());
        assertEquals(20, page.items().size());
        page.items().forEach(v -> assertEquals(v.post().userId(), v.user().orElseThrow().id()));
        assertFalse(page.items().isEmpty());
    }
}

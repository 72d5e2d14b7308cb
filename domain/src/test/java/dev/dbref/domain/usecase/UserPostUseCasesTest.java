package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.PostPatch;
import dev.dbref.domain.model.PostUpdate;
import dev.dbref.domain.model.Scope;
import dev.dbref.domain.model.ForbiddenException;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.ConflictException;
import dev.dbref.domain.model.NewPost;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.PagePosition;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.PostDraft;
import dev.dbref.domain.model.PostFilter;
import dev.dbref.domain.model.PostInclude;
import dev.dbref.domain.model.PostQuery;
import dev.dbref.domain.model.PostView;
import dev.dbref.domain.model.ResultPage;
import dev.dbref.domain.model.Totals;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserDraft;
import dev.dbref.domain.model.UserFilter;
import dev.dbref.domain.model.UserInclude;
import dev.dbref.domain.model.UserPatch;
import dev.dbref.domain.model.UserPostsQuery;
import dev.dbref.domain.model.UserUpdate;
import dev.dbref.domain.model.UserQuery;
import dev.dbref.domain.model.UserView;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user and post use cases over in-memory ports: their own logic, without a database. */
class UserPostUseCasesTest {
    private final InMemoryUsersAndPosts store = new InMemoryUsersAndPosts();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:15:30.123456Z"), ZoneOffset.UTC);
    private final UserUseCases users = UserUseCases.over(store, clock, new SafeRetries(store, clock, SafeRetriesTest.SETTINGS));
    private final PostUseCases posts = PostUseCases.over(store, clock, new SafeRetries(store, clock, SafeRetriesTest.SETTINGS));

    private User user(String name) {
        return users.createUser().create(Caller.ANYONE, new UserDraft(name + "@example.com", name, null));
    }

    private static final Caller ADA = new Caller.Authenticated("ada", Set.of(Scope.USERS_WRITE));
    private static final Caller BOB = new Caller.Authenticated("bob", Set.of(Scope.USERS_WRITE));
    private static final Caller ADMIN = new Caller.Authenticated("root", Set.of(Scope.ADMIN));

    @Test
    void a_user_and_its_posts_change_only_for_their_owner_or_admin() {
        User adas = users.createUser().create(ADA, new UserDraft("ada@example.com", "ada", null));
        long post = posts.createPost().create(ADA, new NewPost(adas.id(), new PostDraft("mine", null))).id();
        UserUpdate rename = new UserUpdate(adas.id(), new UserPatch(Change.keep(), Change.to("bob"), Change.keep()));

        assertThrows(ForbiddenException.class, () -> users.updateUser().update(BOB, rename));
        assertThrows(ForbiddenException.class, () -> users.deleteUser().delete(BOB, adas.id()));
        assertThrows(ForbiddenException.class, () -> posts.createPost().create(BOB, new NewPost(adas.id(), new PostDraft("x", null))));
        assertThrows(ForbiddenException.class, () -> posts.updatePost().update(BOB, new PostUpdate(post,
                new PostPatch(Change.to("taken"), Change.keep()))));
        assertThrows(ForbiddenException.class, () -> posts.deletePost().delete(BOB, post));
        assertEquals("ada", users.getUser().get(adas.id(), Set.of()).user().username(), "nothing changed");

        assertEquals("bob", users.updateUser().update(ADA, rename).username());
        posts.deletePost().delete(ADMIN, post);
        users.deleteUser().delete(ADMIN, adas.id());
        assertThrows(NotFoundException.class, () -> users.deleteUser().delete(BOB, adas.id()), "404 before 403");
    }

    @Test
    void a_user_created_while_authentication_was_off_changes_only_for_admin() {
        User old = user("old");
        assertThrows(ForbiddenException.class, () -> users.deleteUser().delete(ADA, old.id()));
        users.deleteUser().delete(ADMIN, old.id());
    }

    @Test
    void creating_a_user_needs_the_users_write_scope() {
        Caller reader = new Caller.Authenticated("reader", Set.of("products:write"));
        ForbiddenException e = assertThrows(ForbiddenException.class,
                () -> users.createUser().create(reader, new UserDraft("r@example.com", "reader", null)));
        assertEquals(java.util.Optional.of(Scope.USERS_WRITE), e.missingScope());
        assertEquals(0, users.listUsers().list(new UserQuery(UserFilter.NONE, PageRequest.FIRST, Set.of())).items().size(),
                "nothing was written");
    }

    @Test
    void a_post_needs_an_existing_user_and_goes_with_it() {
        User ada = user("ada");
        long post = posts.createPost().create(Caller.ANYONE, new NewPost(ada.id(), new PostDraft("hello", null))).id();
        assertThrows(NotFoundException.class, () -> posts.createPost().create(Caller.ANYONE, new NewPost(ada.id() + 100, new PostDraft("x", null))));

        users.deleteUser().delete(Caller.ANYONE, ada.id());
        assertThrows(NotFoundException.class, () -> posts.getPost().get(post, Set.of()));
    }

    @Test
    void creation_and_update_stamp_times_at_millisecond_precision_and_keep_emails_unique() {
        User ada = user("ada");
        assertEquals(Instant.parse("2026-11-22T10:15:30.123Z"), ada.createdAt());
        user("bob");
        assertThrows(ConflictException.class, () -> users.updateUser().update(Caller.ANYONE, new UserUpdate(ada.id(),
                new UserPatch(Change.to("BOB@example.com"), Change.keep(), Change.keep()))));
        assertEquals("ada@example.com", users.getUser().get(ada.id(), Set.of()).user().email(), "nothing half-written");
    }

    @Test
    void includes_embed_only_what_was_asked_for() {
        User ada = user("ada");
        posts.createPost().create(Caller.ANYONE, new NewPost(ada.id(), new PostDraft("one", null)));

        assertTrue(users.getUser().get(ada.id(), Set.of()).posts().isEmpty());
        assertEquals(1, users.getUser().get(ada.id(), Set.of(UserInclude.POSTS)).posts().orElseThrow().size());
        PostView view = posts.listPosts().list(new PostQuery(PostFilter.NONE, PageRequest.FIRST, Set.of(PostInclude.USER)))
                .items().getFirst();
        assertEquals(ada, view.user().orElseThrow());
    }

    @Test
    void pages_count_only_when_asked_and_name_where_the_next_one_starts() {
        for (String name : List.of("ann", "ben", "cat", "dan", "eve")) {
            user(name);
        }
        PageRequest two = new PageRequest(PagePosition.start(), 2, Totals.NONE);
        ResultPage<UserView> first = users.listUsers().list(new UserQuery(UserFilter.NONE, two, Set.of()));
        assertTrue(first.total().isEmpty());
        assertTrue(first.hasMore());
        ResultPage<UserView> second = users.listUsers().list(new UserQuery(UserFilter.NONE,
                new PageRequest(new PagePosition.After(first.next().orElseThrow()), 2, Totals.EXACT), Set.of()));
        assertEquals(5, second.total().getAsLong());
        assertEquals(List.of("cat", "dan"), second.items().stream().map(v -> v.user().username()).toList());

        ResultPage<PostView> none = posts.listPosts().listOfUser(
                new UserPostsQuery(first.items().getFirst().user().id(), PageRequest.FIRST));
        assertFalse(none.hasMore());
        assertTrue(none.next().isEmpty());
        assertThrows(NotFoundException.class, () -> posts.listPosts().listOfUser(new UserPostsQuery(999, PageRequest.FIRST)));
    }
}

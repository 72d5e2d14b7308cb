package dev.dbref.domain.usecase;

import dev.dbref.domain.model.ConflictException;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.PagePosition;
import dev.dbref.domain.model.Owner;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostDraft;
import dev.dbref.domain.model.PostFilter;
import dev.dbref.domain.model.PostPatch;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserDraft;
import dev.dbref.domain.model.UserFilter;
import dev.dbref.domain.model.UserPatch;
import dev.dbref.domain.port.PostRepository;
import dev.dbref.domain.port.ProductRepository;
import dev.dbref.domain.port.Repositories;
import dev.dbref.domain.port.UnitOfWork;
import dev.dbref.domain.port.UserRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A fake of the user and post ports and the unit of work, in the manner of {@link InMemoryProducts}:
 * maps copied at the start of each unit of work and kept only when the work returns. It holds the
 * rules the database holds (unique e-mail ignoring case, posts deleted with their user) and pages
 * by id, offset or after a key, so the use cases' own logic can be tested without a database.
 */
final class InMemoryUsersAndPosts implements UnitOfWork {
    private TreeMap<Long, User> users = new TreeMap<>();
    private TreeMap<Long, Post> posts = new TreeMap<>();
    /** Set once per user at insert; read only for users that exist, so a rolled-back insert leaves nothing visible. */
    private final java.util.Map<Long, Owner> owners = new java.util.concurrent.ConcurrentHashMap<>();
    final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private long nextId = 1;

    @Override
    public <T> T read(Work<T> work) {
        return write(work);
    }

    @Override
    public synchronized <T> T write(Work<T> work) {
        Tx tx = new Tx(new TreeMap<>(users), new TreeMap<>(posts));
        T result = work.run(tx);
        users = tx.users;
        posts = tx.posts;
        keys.commit(tx.keys);
        return result;
    }

    private static <T> List<T> page(Stream<T> rows, PageRequest page, java.util.function.ToLongFunction<T> id) {
        Stream<T> from = switch (page.position()) {
            case PagePosition.Offset offset -> rows.skip(offset.skip());
            case PagePosition.After after -> rows.filter(r -> id.applyAsLong(r) > Long.parseLong(after.key().values().getFirst()));
        };
        return from.limit(page.rowsToFetch()).toList();
    }

    private final class Tx implements Repositories {
        private final TreeMap<Long, User> users;
        private final TreeMap<Long, Post> posts;
        private final Users userRepository = new Users();
        private final Posts postRepository = new Posts();
        private final InMemoryIdempotencyKeys.Tx keys = InMemoryUsersAndPosts.this.keys.begin();

        Tx(TreeMap<Long, User> users, TreeMap<Long, Post> posts) {
            this.users = users;
            this.posts = posts;
        }

        @Override
        public ProductRepository products() {
            throw new UnsupportedOperationException("this fake holds users and posts only");
        }

        @Override
        public UserRepository users() {
            return userRepository;
        }

        @Override
        public PostRepository posts() {
            return postRepository;
        }

        @Override
        public dev.dbref.domain.port.IdempotencyRepository idempotency() {
            return keys;
        }

        private final class Users implements UserRepository {

            @Override
            public Optional<User> findById(long id) {
                return Optional.ofNullable(users.get(id));
            }

            @Override
            public boolean exists(long id) {
                return users.containsKey(id);
            }

            @Override
            public Optional<Owner> ownerOf(long id) {
                return users.containsKey(id) ? Optional.of(owners.get(id)) : Optional.empty();
            }

            @Override
            public User insert(UserDraft draft, Owner owner, Instant now) {
                requireFreeEmail(draft.email(), 0);
                User user = new User(nextId++, draft.email(), draft.username(), draft.fullName(), now, now);
                users.put(user.id(), user);
                owners.put(user.id(), owner);
                return user;
            }

            @Override
            public Optional<User> update(long id, UserPatch patch, Instant now) {
                User u = users.get(id);
                if (u == null) {
                    return Optional.empty();
                }
                if (patch.email().present()) {
                    requireFreeEmail(patch.email().value(), id);
                }
                User next = new User(id, patch.email().orElse(u.email()), patch.username().orElse(u.username()),
                        patch.fullName().orElse(u.fullName()), u.createdAt(), now);
                users.put(id, next);
                return Optional.of(next);
            }

            private void requireFreeEmail(String email, long except) {
                if (users.values().stream().anyMatch(u -> u.id() != except && u.email().equalsIgnoreCase(email))) {
                    throw new ConflictException("a user with this e-mail address already exists");
                }
            }

            @Override
            public boolean delete(long id) {
                posts.values().removeIf(p -> p.userId() == id);
                return users.remove(id) != null;
            }

            @Override
            public List<User> find(UserFilter filter, PageRequest page) {
                return page(users.values().stream().filter(matches(filter)), page, User::id);
            }

            @Override
            public long count(UserFilter filter) {
                return users.values().stream().filter(matches(filter)).count();
            }

            private static Predicate<User> matches(UserFilter filter) {
                return u -> filter.email().map(e -> e.equalsIgnoreCase(u.email())).orElse(true)
                        && filter.username().map(n -> n.equals(u.username())).orElse(true);
            }

            @Override
            public List<User> findAllById(Collection<Long> ids) {
                return users.values().stream().filter(u -> ids.contains(u.id())).toList();
            }

        }

        private final class Posts implements PostRepository {

            @Override
            public Optional<Owner> ownerOf(long id) {
                return Optional.ofNullable(posts.get(id)).map(post -> owners.get(post.userId()));
            }

            @Override
            public Optional<Post> findById(long id) {
                return Optional.ofNullable(posts.get(id));
            }

            @Override
            public Post insert(long userId, PostDraft draft, Instant now) {
                Post post = new Post(nextId++, userId, draft.title(), draft.body(), now, now);
                posts.put(post.id(), post);
                return post;
            }

            @Override
            public Optional<Post> update(long id, PostPatch patch, Instant now) {
                Post p = posts.get(id);
                if (p == null) {
                    return Optional.empty();
                }
                Post next = new Post(id, p.userId(), patch.title().orElse(p.title()), patch.body().orElse(p.body()), p.createdAt(), now);
                posts.put(id, next);
                return Optional.of(next);
            }

            @Override
            public boolean delete(long id) {
                return posts.remove(id) != null;
            }

            @Override
            public List<Post> find(PostFilter filter, PageRequest page) {
                return page(posts.values().stream().filter(matches(filter)), page, Post::id);
            }

            @Override
            public long count(PostFilter filter) {
                return posts.values().stream().filter(matches(filter)).count();
            }

            private static Predicate<Post> matches(PostFilter filter) {
                return p -> (filter.userId().isEmpty() || filter.userId().getAsLong() == p.userId())
                        && filter.titleContains().map(t -> p.title().toLowerCase().contains(t.toLowerCase())).orElse(true);
            }

            @Override
            public List<Post> findAllByUserIds(Collection<Long> userIds) {
                return posts.values().stream().filter(p -> userIds.contains(p.userId())).toList();
            }
        }
    }
}

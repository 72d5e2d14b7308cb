package dev.dbref.domain.port;

import dev.dbref.domain.model.ConflictException;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.Owner;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserDraft;
import dev.dbref.domain.model.UserFilter;
import dev.dbref.domain.model.UserPatch;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The users port, bound to one unit of work. E-mail uniqueness is the database's job (a unique
 * index on the lower-cased address), so that two concurrent creates cannot both succeed.
 */
public interface UserRepository {

    Optional<User> findById(long id);

    boolean exists(long id);

    /** Whom the user belongs to; empty when there is no such user. */
    Optional<Owner> ownerOf(long id);

    /** @throws ConflictException when another user has the same e-mail address, ignoring case */
    User insert(UserDraft draft, Owner owner, Instant now);

    /**
     * @return empty when there is no such user
     * @throws ConflictException when the new e-mail address belongs to another user
     */
    Optional<User> update(long id, UserPatch patch, Instant now);

    /** Deletes the user and, by the foreign key's cascade, its posts. */
    boolean delete(long id);

    /** The page's users ordered by id, from its position: {@link PageRequest#rowsToFetch()} at most. */
    List<User> find(UserFilter filter, PageRequest page);

    long count(UserFilter filter);

    /** The users with these ids, in one statement, ordered by id. */
    List<User> findAllById(Collection<Long> ids);
}

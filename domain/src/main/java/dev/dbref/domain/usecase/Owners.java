package dev.dbref.domain.usecase;

import dev.dbref.domain.model.AccessRules;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Owner;
import dev.dbref.domain.port.Repositories;

/**
 * The ownership check of a use case, in its own unit of work, before it changes anything: a row
 * that does not exist is a 404 before it is anyone's 403. While authentication is off
 * ({@link Caller.Anyone}) there is nothing to check and no query is run: the use case's own
 * statement tells a missing row.
 */
final class Owners {
    private Owners() {
    }

    /** @throws NotFoundException when an authenticated caller names no such user */
    static void requireUserOwner(Repositories repos, Caller caller, long userId) {
        if (caller instanceof Caller.Anyone) {
            return;
        }
        Owner owner = repos.users().ownerOf(userId).orElseThrow(() -> new NotFoundException("user", userId));
        AccessRules.requireOwner(caller, owner, "user", userId);
    }

    /** @throws NotFoundException when an authenticated caller names no such post */
    static void requirePostOwner(Repositories repos, Caller caller, long postId) {
        if (caller instanceof Caller.Anyone) {
            return;
        }
        Owner owner = repos.posts().ownerOf(postId).orElseThrow(() -> new NotFoundException("post", postId));
        AccessRules.requireOwner(caller, owner, "post", postId);
    }

    /** A post's user exists and the caller may add to it: inserting one under no user would break its foreign key. */
    static void requireUserToAddTo(Repositories repos, Caller caller, long userId) {
        if (caller instanceof Caller.Anyone && !repos.users().exists(userId)) {
            throw new NotFoundException("user", userId);
        }
        requireUserOwner(repos, caller, userId);
    }
}

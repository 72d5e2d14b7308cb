package dev.dbref.domain.usecase;

import dev.dbref.domain.model.AccessRules;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Owner;
import dev.dbref.domain.port.Repositories;

/**
 * The ownership check of a use case, in its own unit of work, before it changes anything: a user
 * that does not exist is a 404 before it is anyone's 403.
 */
final class Owners {
    private Owners() {
    }

    /** @throws NotFoundException when there is no such user, whoever calls */
    static void requireUserOwner(Repositories repos, Caller caller, long userId) {
        if (caller instanceof Caller.Anyone) {
            requireUser(repos, userId);
            return;
        }
        Owner owner = repos.users().ownerOf(userId).orElseThrow(() -> new NotFoundException("user", userId));
        AccessRules.requireOwner(caller, owner, "user", userId);
    }

    /** @throws NotFoundException when there is no such post, whoever calls */
    static void requirePostOwner(Repositories repos, Caller caller, long postId) {
        Owner owner = repos.posts().ownerOf(postId).orElseThrow(() -> new NotFoundException("post", postId));
        AccessRules.requireOwner(caller, owner, "post", postId);
    }

    private static void requireUser(Repositories repos, long userId) {
        if (!repos.users().exists(userId)) {
            throw new NotFoundException("user", userId);
        }
    }
}

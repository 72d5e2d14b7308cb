package dev.dbref.domain.usecase;

import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserInclude;
import dev.dbref.domain.model.UserView;
import dev.dbref.domain.port.Repositories;
import dev.dbref.domain.port.UnitOfWork;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one user, with its posts if asked: two statements at most. */
public final class GetUser {
    private final UnitOfWork unitOfWork;

    public GetUser(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public UserView get(long id, Set<UserInclude> include) {
        if (!include.contains(UserInclude.POSTS)) {
            return unitOfWork.readOne(repos -> new UserView(user(repos, id), Optional.empty()));
        }
        // Two statements in one snapshot: the posts are those of the user as read.
        return unitOfWork.read(repos -> new UserView(user(repos, id),
                Optional.of(repos.posts().findAllByUserIds(List.of(id)))));
    }

    private static User user(Repositories repos, long id) {
        return repos.users().findById(id).orElseThrow(() -> new NotFoundException("user", id));
    }
}

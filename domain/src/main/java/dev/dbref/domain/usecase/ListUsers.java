package dev.dbref.domain.usecase;

import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.ResultPage;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserFilter;
import dev.dbref.domain.model.UserView;
import dev.dbref.domain.port.UnitOfWork;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A page of users, with their posts if asked. Three statements whatever the page size: the page,
 * the count, and one query for the posts of all users on the page (no N+1).
 */
public final class ListUsers {
    private final UnitOfWork unitOfWork;

    public ListUsers(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public ResultPage<UserView> list(UserFilter filter, PageRequest page, boolean withPosts) {
        return unitOfWork.read(repos -> {
            List<User> users = repos.users().find(filter, page);
            long total = repos.users().count(filter);
            Map<Long, List<Post>> posts = withPosts && !users.isEmpty()
                    ? repos.posts().findAllByUserIds(users.stream().map(User::id).toList()).stream()
                            .collect(Collectors.groupingBy(Post::userId))
                    : Map.of();
            List<UserView> views = users.stream()
                    .map(u -> new UserView(u, withPosts ? posts.getOrDefault(u.id(), List.of()) : null))
                    .toList();
            return new ResultPage<>(views, total, page);
        });
    }
}

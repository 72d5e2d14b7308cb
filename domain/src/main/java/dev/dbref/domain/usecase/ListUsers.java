package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.ResultPage;
import dev.dbref.domain.model.SeekKey;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserInclude;
import dev.dbref.domain.model.UserQuery;
import dev.dbref.domain.model.UserView;
import dev.dbref.domain.port.UnitOfWork;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A page of users, with their posts if asked. Three statements at most whatever the page size:
 * the page, the count (unless not asked for), and one query for the posts of all users on the
 * page (no N+1).
 */
public final class ListUsers {
    private final UnitOfWork unitOfWork;

    public ListUsers(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public ResultPage<UserView> list(UserQuery query) {
        return unitOfWork.read(repos -> {
            ResultPage<User> users = ResultPage.of(repos.users().find(query.filter(), query.page()), query.page(),
                    query.page().total(() -> repos.users().count(query.filter())),
                    user -> SeekKey.ofId(user.id()));
            if (!query.includes(UserInclude.POSTS)) {
                return users.map(user -> new UserView(user, Optional.empty()));
            }
            Map<Long, List<Post>> posts = users.items().isEmpty() ? Map.of()
                    : repos.posts().findAllByUserIds(users.items().stream().map(User::id).toList()).stream()
                            .collect(Collectors.groupingBy(Post::userId));
            return users.map(user -> new UserView(user, Optional.of(posts.getOrDefault(user.id(), List.of()))));
        });
    }
}

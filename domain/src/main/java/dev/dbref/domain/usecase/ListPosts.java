package dev.dbref.domain.usecase;

import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostFilter;
import dev.dbref.domain.model.PostInclude;
import dev.dbref.domain.model.PostQuery;
import dev.dbref.domain.model.PostView;
import dev.dbref.domain.model.ResultPage;
import dev.dbref.domain.model.SeekKey;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserPostsQuery;
import dev.dbref.domain.port.Repositories;
import dev.dbref.domain.port.UnitOfWork;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A page of posts, with their authors if asked: the page, the count (unless not asked for) and
 * one query for all authors, whatever the page size.
 */
public final class ListPosts {
    private final UnitOfWork unitOfWork;

    public ListPosts(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public ResultPage<PostView> list(PostQuery query) {
        return unitOfWork.read(repos -> page(repos, query));
    }

    /** The posts of one user; 404 when the user does not exist. */
    public ResultPage<PostView> listOfUser(UserPostsQuery query) {
        return unitOfWork.read(repos -> {
            if (!repos.users().exists(query.userId())) {
                throw new NotFoundException("user", query.userId());
            }
            return page(repos, new PostQuery(PostFilter.NONE.ofUser(query.userId()), query.page(), Set.of()));
        });
    }

    private static ResultPage<PostView> page(Repositories repos, PostQuery query) {
        ResultPage<Post> posts = ResultPage.of(repos.posts().find(query.filter(), query.page()), query.page(),
                query.page().total(() -> repos.posts().count(query.filter())),
                post -> SeekKey.ofId(post.id()));
        if (!query.includes(PostInclude.USER)) {
            return posts.map(post -> new PostView(post, Optional.empty()));
        }
        Map<Long, User> authors = posts.items().isEmpty() ? Map.of()
                : repos.users().findAllById(posts.items().stream().map(Post::userId).distinct().toList()).stream()
                        .collect(Collectors.toMap(User::id, Function.identity()));
        return posts.map(post -> new PostView(post, Optional.ofNullable(authors.get(post.userId()))));
    }
}

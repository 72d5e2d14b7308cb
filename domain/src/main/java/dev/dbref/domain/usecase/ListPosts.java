package dev.dbref.domain.usecase;

import dev.dbref.domain.model.NotFoundException;
import dev.dbref.domain.model.PageRequest;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostFilter;
import dev.dbref.domain.model.PostView;
import dev.dbref.domain.model.ResultPage;
import dev.dbref.domain.model.User;
import dev.dbref.domain.port.Repositories;
import dev.dbref.domain.port.UnitOfWork;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A page of posts, with their authors if asked: the page, the count and one query for all
 * authors, whatever the page size.
 */
public final class ListPosts {
    private final UnitOfWork unitOfWork;

    public ListPosts(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    public ResultPage<PostView> list(PostFilter filter, PageRequest page, boolean withUser) {
        return unitOfWork.read(repos -> page(repos, filter, page, withUser));
    }

    /** The posts of one user; 404 when the user does not exist. */
    public ResultPage<PostView> listOfUser(long userId, PageRequest page) {
        return unitOfWork.read(repos -> {
            if (!repos.users().exists(userId)) {
                throw new NotFoundException("user", userId);
            }
            return page(repos, new PostFilter(userId, null), page, false);
        });
    }

    private static ResultPage<PostView> page(Repositories repos, PostFilter filter, PageRequest page, boolean withUser) {
        List<Post> posts = repos.posts().find(filter, page);
        long total = repos.posts().count(filter);
        Map<Long, User> authors = withUser && !posts.isEmpty()
                ? repos.users().findAllById(posts.stream().map(Post::userId).distinct().toList()).stream()
                        .collect(Collectors.toMap(User::id, Function.identity()))
                : Map.of();
        List<PostView> views = posts.stream().map(p -> new PostView(p, withUser ? authors.get(p.userId()) : null)).toList();
        return new ResultPage<>(views, total, page);
    }
}

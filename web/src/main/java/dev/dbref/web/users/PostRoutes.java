package dev.dbref.web.users;

import dev.dbref.web.auth.Callers;
import dev.dbref.web.http.Includes;
import dev.dbref.web.http.PathIds;
import dev.dbref.web.http.QueryParams;
import dev.dbref.web.http.RequestBodies;
import dev.dbref.web.http.Responses;
import dev.dbref.web.http.Route;
import dev.dbref.web.paging.Paging;
import dev.dbref.domain.model.PostFilter;
import dev.dbref.domain.model.PostInclude;
import dev.dbref.domain.model.PostQuery;
import dev.dbref.domain.model.PostUpdate;
import dev.dbref.domain.usecase.PostUseCases;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /posts}. Posts are created under their user: {@code POST /users/{id}/posts}. */
public final class PostRoutes {
    private static final Set<String> LIST_PARAMETERS =
            QueryParams.union(Paging.PARAMETERS, Set.of("user_id", "title_contains", "include"));
    private static final Set<String> ONE_PARAMETERS = Set.of("include");
    private static final Map<String, PostInclude> INCLUDABLE = Map.of("user", PostInclude.USER);

    private final PostUseCases posts;
    private final Paging paging;

    public PostRoutes(PostUseCases posts, Paging paging) {
        this.posts = posts;
        this.paging = paging;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/posts", this::list),
                Route.get("/posts/{id}", this::get),
                Route.patch("/posts/{id}", this::update),
                Route.delete("/posts/{id}", this::delete));
    }

    private void get(ServerRequest req, ServerResponse res) {
        long id = PathIds.id(req, "post");
        Set<PostInclude> include = Includes.read(new QueryParams(req.query(), ONE_PARAMETERS), INCLUDABLE);
        Responses.json(res, Status.OK_200, PostJson.post(posts.getPost().get(id, include)));
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams params = new QueryParams(req.query(), LIST_PARAMETERS);
        PostFilter filter = PostFilter.NONE;
        if (params.integer("user_id") != null) {
            filter = filter.ofUser(params.integer("user_id"));
        }
        if (params.text("title_contains") != null) {
            filter = filter.titleContaining(params.text("title_contains"));
        }
        String scope = "posts " + filter;
        PostQuery query = new PostQuery(filter, paging.read(params, scope), Includes.read(params, INCLUDABLE));
        var page = posts.listPosts().list(query);
        Responses.json(res, Status.OK_200, paging.envelope(page, PostJson::post, scope));
    }

    private void update(ServerRequest req, ServerResponse res) {
        long id = PathIds.id(req, "post");
        var patch = PostJson.patch(RequestBodies.object(req));
        Responses.json(res, Status.OK_200, PostJson.post(posts.updatePost().update(Callers.of(req), new PostUpdate(id, patch))));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        posts.deletePost().delete(Callers.of(req), PathIds.id(req, "post"));
        Responses.noContent(res);
    }
}

package dev.dbref.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.PostFilter;
import dev.dbref.domain.model.PostView;
import dev.dbref.domain.usecase.UserUseCases;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Set;

/** {@code /posts}. Posts are created under their user: {@code POST /users/{id}/posts}. */
final class PostRoutes {
    private static final Set<String> LIST_PARAMETERS = Set.of("skip", "limit", "user_id", "title_contains", "include");
    private static final Set<String> ONE_PARAMETERS = Set.of("include");

    private final UserUseCases users;

    PostRoutes(UserUseCases users) {
        this.users = users;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/posts", this::list),
                Route.get("/posts/{id}", this::get),
                Route.patch("/posts/{id}", this::update),
                Route.delete("/posts/{id}", this::delete));
    }

    private void get(ServerRequest req, ServerResponse res) {
        long id = PathIds.id(req, "post");
        boolean withUser = Includes.requested(new QueryParams(req.query(), ONE_PARAMETERS), "user");
        Responses.json(res, Status.OK_200, post(users.getPost().get(id, withUser)));
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams params = new QueryParams(req.query(), LIST_PARAMETERS);
        PostFilter filter = new PostFilter(params.integer("user_id"), params.text("title_contains"));
        boolean withUser = Includes.requested(params, "user");
        var page = users.listPosts().list(filter, params.page(), withUser);
        Responses.json(res, Status.OK_200, ListEnvelope.of(page, PostRoutes::post));
    }

    private void update(ServerRequest req, ServerResponse res) {
        long id = PathIds.id(req, "post");
        var patch = UserJson.postPatch(RequestBodies.object(req));
        Responses.json(res, Status.OK_200, UserJson.post(users.updatePost().update(id, patch)));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        users.deletePost().delete(PathIds.id(req, "post"));
        Responses.noContent(res);
    }

    private static ObjectNode post(PostView view) {
        ObjectNode json = UserJson.post(view.post());
        if (view.user() != null) {
            json.set("user", UserJson.user(view.user()));
        }
        return json;
    }
}

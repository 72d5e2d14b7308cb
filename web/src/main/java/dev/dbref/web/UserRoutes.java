package dev.dbref.web;

import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserFilter;
import dev.dbref.domain.model.UserView;
import dev.dbref.domain.usecase.UserUseCases;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Set;

/** {@code /users} and {@code /users/{id}/posts}. */
final class UserRoutes {
    private static final Set<String> LIST_PARAMETERS = Set.of("skip", "limit", "email", "username", "include");
    private static final Set<String> ONE_PARAMETERS = Set.of("include");
    private static final Set<String> PAGE_PARAMETERS = Set.of("skip", "limit");

    private final UserUseCases users;

    UserRoutes(UserUseCases users) {
        this.users = users;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/users", this::list),
                Route.post("/users", this::create),
                Route.get("/users/{id}", this::get),
                Route.patch("/users/{id}", this::update),
                Route.delete("/users/{id}", this::delete),
                Route.get("/users/{id}/posts", this::listPosts),
                Route.post("/users/{id}/posts", this::createPost));
    }

    private void create(ServerRequest req, ServerResponse res) {
        User created = users.createUser().create(UserJson.userDraft(RequestBodies.object(req)));
        res.header(HeaderNames.LOCATION, "/users/" + created.id());
        Responses.json(res, Status.CREATED_201, UserJson.user(created));
    }

    private void get(ServerRequest req, ServerResponse res) {
        long id = PathIds.id(req, "user");
        boolean withPosts = Includes.requested(new QueryParams(req.query(), ONE_PARAMETERS), "posts");
        Responses.json(res, Status.OK_200, UserJson.user(users.getUser().get(id, withPosts)));
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams params = new QueryParams(req.query(), LIST_PARAMETERS);
        UserFilter filter = new UserFilter(params.text("email"), params.text("username"));
        boolean withPosts = Includes.requested(params, "posts");
        var page = users.listUsers().list(filter, params.page(), withPosts);
        Responses.json(res, Status.OK_200, ListEnvelope.of(page, (UserView v) -> UserJson.user(v)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        long id = PathIds.id(req, "user");
        var patch = UserJson.userPatch(RequestBodies.object(req));
        Responses.json(res, Status.OK_200, UserJson.user(users.updateUser().update(id, patch)));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        users.deleteUser().delete(PathIds.id(req, "user"));
        Responses.noContent(res);
    }

    private void createPost(ServerRequest req, ServerResponse res) {
        long userId = PathIds.id(req, "user");
        Post created = users.createPost().create(userId, UserJson.postDraft(RequestBodies.object(req)));
        res.header(HeaderNames.LOCATION, "/posts/" + created.id());
        Responses.json(res, Status.CREATED_201, UserJson.post(created));
    }

    private void listPosts(ServerRequest req, ServerResponse res) {
        long userId = PathIds.id(req, "user");
        QueryParams params = new QueryParams(req.query(), PAGE_PARAMETERS);
        var page = users.listPosts().listOfUser(userId, params.page());
        Responses.json(res, Status.OK_200, ListEnvelope.of(page, v -> UserJson.post(v.post())));
    }
}

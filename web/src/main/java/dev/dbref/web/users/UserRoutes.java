package dev.dbref.web.users;

import dev.dbref.web.auth.Callers;
import dev.dbref.web.http.Includes;
import dev.dbref.web.http.PathIds;
import dev.dbref.web.http.QueryParams;
import dev.dbref.web.http.RequestBodies;
import dev.dbref.web.http.Responses;
import dev.dbref.web.http.Route;
import dev.dbref.web.http.SafeRetryHeaders;
import dev.dbref.web.paging.Paging;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.IdempotencyKey;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.NewPost;
import dev.dbref.domain.model.UserDraft;
import dev.dbref.domain.model.UserFilter;
import dev.dbref.domain.model.UserInclude;
import dev.dbref.domain.model.UserPostsQuery;
import dev.dbref.domain.model.UserQuery;
import dev.dbref.domain.model.UserUpdate;
import dev.dbref.domain.model.UserView;
import dev.dbref.domain.usecase.OnceOnly;
import dev.dbref.domain.usecase.PostUseCases;
import dev.dbref.domain.usecase.UserUseCases;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /users} and {@code /users/{id}/posts}. */
public final class UserRoutes {
    private static final Set<String> LIST_PARAMETERS = QueryParams.union(Paging.PARAMETERS, Set.of("email", "username", "include"));
    private static final Set<String> ONE_PARAMETERS = Set.of("include");
    private static final Map<String, UserInclude> INCLUDABLE = Map.of("posts", UserInclude.POSTS);

    private final UserUseCases users;
    private final PostUseCases posts;
    private final Paging paging;

    public UserRoutes(UserUseCases users, PostUseCases posts, Paging paging) {
        this.users = users;
        this.posts = posts;
        this.paging = paging;
    }

    public List<Route> routes() {
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
        Optional<IdempotencyKey> key = SafeRetryHeaders.key(req, Callers.of(req));
        ObjectNode body = RequestBodies.object(req);
        UserDraft draft = UserJson.userDraft(body);
        if (key.isPresent()) {
            SafeRetryHeaders.send(res, users.createUser().create(Callers.of(req), draft, new OnceOnly<>(key.get(),
                    SafeRetryHeaders.fingerprint(req, body), created -> SafeRetryHeaders.answer(Status.CREATED_201,
                            UserJson.user(created), Map.of(HeaderNames.LOCATION.defaultCase(), "/users/" + created.id())))));
            return;
        }
        User created = users.createUser().create(Callers.of(req), draft);
        res.header(HeaderNames.LOCATION, "/users/" + created.id());
        Responses.json(res, Status.CREATED_201, UserJson.user(created));
    }

    private void get(ServerRequest req, ServerResponse res) {
        long id = PathIds.id(req, "user");
        Set<UserInclude> include = Includes.read(new QueryParams(req.query(), ONE_PARAMETERS), INCLUDABLE);
        Responses.json(res, Status.OK_200, UserJson.user(users.getUser().get(id, include)));
    }

    private void list(ServerRequest req, ServerResponse res) {
        QueryParams params = new QueryParams(req.query(), LIST_PARAMETERS);
        UserFilter filter = UserFilter.NONE;
        if (params.text("email") != null) {
            filter = filter.withEmail(params.text("email"));
        }
        if (params.text("username") != null) {
            filter = filter.withUsername(params.text("username"));
        }
        String scope = "users " + filter;
        UserQuery query = new UserQuery(filter, paging.read(params, scope), Includes.read(params, INCLUDABLE));
        var page = users.listUsers().list(query);
        Responses.json(res, Status.OK_200, paging.envelope(page, (UserView v) -> UserJson.user(v), scope));
    }

    private void update(ServerRequest req, ServerResponse res) {
        long id = PathIds.id(req, "user");
        var patch = UserJson.userPatch(RequestBodies.object(req));
        Responses.json(res, Status.OK_200, UserJson.user(users.updateUser().update(Callers.of(req), new UserUpdate(id, patch))));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        users.deleteUser().delete(Callers.of(req), PathIds.id(req, "user"));
        Responses.noContent(res);
    }

    private void createPost(ServerRequest req, ServerResponse res) {
        long userId = PathIds.id(req, "user");
        Optional<IdempotencyKey> key = SafeRetryHeaders.key(req, Callers.of(req));
        ObjectNode body = RequestBodies.object(req);
        NewPost command = new NewPost(userId, PostJson.draft(body));
        if (key.isPresent()) {
            SafeRetryHeaders.send(res, posts.createPost().create(Callers.of(req), command, new OnceOnly<>(key.get(),
                    SafeRetryHeaders.fingerprint(req, body), created -> SafeRetryHeaders.answer(Status.CREATED_201,
                            PostJson.post(created), Map.of(HeaderNames.LOCATION.defaultCase(), "/posts/" + created.id())))));
            return;
        }
        Post created = posts.createPost().create(Callers.of(req), command);
        res.header(HeaderNames.LOCATION, "/posts/" + created.id());
        Responses.json(res, Status.CREATED_201, PostJson.post(created));
    }

    private void listPosts(ServerRequest req, ServerResponse res) {
        long userId = PathIds.id(req, "user");
        QueryParams params = new QueryParams(req.query(), Paging.PARAMETERS);
        String scope = "posts of user " + userId;
        var page = posts.listPosts().listOfUser(new UserPostsQuery(userId, paging.read(params, scope)));
        Responses.json(res, Status.OK_200, paging.envelope(page, v -> PostJson.post(v.post()), scope));
    }
}

package dev.dbref.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostDraft;
import dev.dbref.domain.model.PostPatch;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserDraft;
import dev.dbref.domain.model.UserPatch;
import dev.dbref.domain.model.UserView;

import java.util.Set;

/** Users and posts to and from their JSON form. */
final class UserJson {
    private static final Set<String> USER_WRITABLE = Set.of("email", "username", "full_name");
    private static final Set<String> USER_READ_ONLY = Set.of("id", "created_at", "updated_at", "posts");
    private static final Set<String> POST_WRITABLE = Set.of("title", "body");
    private static final Set<String> POST_READ_ONLY = Set.of("id", "user_id", "created_at", "updated_at", "user");

    private UserJson() {
    }

    static UserDraft userDraft(ObjectNode body) {
        UserProperties p = UserProperties.read(body);
        return p.fields().build(() -> new UserDraft(p.email().value(), p.username().value(), p.fullName().value()));
    }

    static UserPatch userPatch(ObjectNode body) {
        UserProperties p = UserProperties.read(body);
        return p.fields().build(() -> new UserPatch(p.email(), p.username(), p.fullName()));
    }

    static PostDraft postDraft(ObjectNode body) {
        PostProperties p = PostProperties.read(body);
        return p.fields().build(() -> new PostDraft(p.title().value(), p.body().value()));
    }

    static PostPatch postPatch(ObjectNode body) {
        PostProperties p = PostProperties.read(body);
        return p.fields().build(() -> new PostPatch(p.title(), p.body()));
    }

    private record UserProperties(BodyFields fields, Change<String> email, Change<String> username, Change<String> fullName) {
        static UserProperties read(ObjectNode body) {
            BodyFields fields = new BodyFields(body, USER_WRITABLE, USER_READ_ONLY);
            return new UserProperties(fields, fields.text("email"), fields.text("username"), fields.text("full_name"));
        }
    }

    private record PostProperties(BodyFields fields, Change<String> title, Change<String> body) {
        static PostProperties read(ObjectNode json) {
            BodyFields fields = new BodyFields(json, POST_WRITABLE, POST_READ_ONLY);
            return new PostProperties(fields, fields.text("title"), fields.text("body"));
        }
    }

    static ObjectNode user(User u) {
        return Json.object()
                .put("id", u.id())
                .put("email", u.email())
                .put("username", u.username())
                .put("full_name", u.fullName())
                .put("created_at", Json.timestamp(u.createdAt()))
                .put("updated_at", Json.timestamp(u.updatedAt()));
    }

    /** The user, with {@code "posts"} when they were asked for. */
    static ObjectNode user(UserView view) {
        ObjectNode json = user(view.user());
        view.posts().ifPresent(list -> {
            ArrayNode posts = json.putArray("posts");
            list.forEach(p -> posts.add(post(p)));
        });
        return json;
    }

    static ObjectNode post(Post p) {
        return Json.object()
                .put("id", p.id())
                .put("user_id", p.userId())
                .put("title", p.title())
                .put("body", p.body())
                .put("created_at", Json.timestamp(p.createdAt()))
                .put("updated_at", Json.timestamp(p.updatedAt()));
    }
}

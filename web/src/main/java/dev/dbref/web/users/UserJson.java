package dev.dbref.web.users;

import dev.dbref.web.http.BodyFields;
import dev.dbref.web.http.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.User;
import dev.dbref.domain.model.UserDraft;
import dev.dbref.domain.model.UserPatch;
import dev.dbref.domain.model.UserView;

import java.util.Set;

/** Users to and from their JSON form. */
final class UserJson {
    private static final Set<String> USER_WRITABLE = Set.of("email", "username", "full_name");
    private static final Set<String> USER_READ_ONLY = Set.of("id", "created_at", "updated_at", "posts");

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

    private record UserProperties(BodyFields fields, Change<String> email, Change<String> username, Change<String> fullName) {
        static UserProperties read(ObjectNode body) {
            BodyFields fields = new BodyFields(body, USER_WRITABLE, USER_READ_ONLY);
            return new UserProperties(fields, fields.text("email"), fields.text("username"), fields.text("full_name"));
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
            list.forEach(p -> posts.add(PostJson.post(p)));
        });
        return json;
    }
}

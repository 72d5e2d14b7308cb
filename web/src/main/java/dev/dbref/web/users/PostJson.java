package dev.dbref.web.users;

import dev.dbref.web.http.BodyFields;
import dev.dbref.web.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.Post;
import dev.dbref.domain.model.PostDraft;
import dev.dbref.domain.model.PostPatch;
import dev.dbref.domain.model.PostView;

import java.util.Set;

/** Posts to and from their JSON form. */
final class PostJson {
    private static final Set<String> WRITABLE = Set.of("title", "body");
    private static final Set<String> READ_ONLY = Set.of("id", "user_id", "created_at", "updated_at", "user");

    private PostJson() {
    }

    static PostDraft draft(ObjectNode body) {
        Properties p = Properties.read(body);
        return p.fields().build(() -> new PostDraft(p.title().value(), p.body().value()));
    }

    static PostPatch patch(ObjectNode body) {
        Properties p = Properties.read(body);
        return p.fields().build(() -> new PostPatch(p.title(), p.body()));
    }

    private record Properties(BodyFields fields, Change<String> title, Change<String> body) {
        static Properties read(ObjectNode json) {
            BodyFields fields = new BodyFields(json, WRITABLE, READ_ONLY);
            return new Properties(fields, fields.text("title"), fields.text("body"));
        }
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

    /** The post, with {@code "user"} when it was asked for. */
    static ObjectNode post(PostView view) {
        ObjectNode json = post(view.post());
        view.user().ifPresent(user -> json.set("user", UserJson.user(user)));
        return json;
    }
}

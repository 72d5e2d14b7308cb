package dev.dbref.bootstrap;

import dev.dbref.testkit.Topology;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.dbref.testkit.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The users and posts part of the HTTP contract, against the real server, once per database. */
@ParameterizedClass
@EnumSource(Topology.class)
class UserPostApiContract extends ServerContract {
    private static final Pattern QUERIES = Pattern.compile("desc=\"(\\d+) quer");
    private static final AtomicInteger SEQ = new AtomicInteger();

    private JsonNode user() {
        int n = SEQ.incrementAndGet();
        Http.Reply r = http.post("/users", "{\"email\": \"user" + n + "@example.com\", \"username\": \"user_" + n + "\"}");
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    private JsonNode post(long userId, String title) {
        Http.Reply r = http.post("/users/" + userId + "/posts", "{\"title\": \"" + title + "\"}");
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    private static int queries(Http.Reply reply) {
        Matcher m = QUERIES.matcher(reply.header("Server-Timing"));
        assertTrue(m.find(), reply.header("Server-Timing"));
        return Integer.parseInt(m.group(1));
    }

    @Test
    void a_user_is_created_read_changed_and_deleted() {
        Http.Reply created = http.post("/users", "{\"email\": \" Ada@Example.com \", \"username\": \"ada_l\", \"full_name\": \"Ada\"}");
        assertEquals(201, created.status(), created.toString());
        long id = created.json().get("id").asLong();
        assertEquals("/users/" + id, created.header("Location"));
        assertEquals("Ada@Example.com", created.json().get("email").asText());

        JsonNode read = http.get("/users/" + id).json();
        assertEquals("ada_l", read.get("username").asText());
        assertEquals("Ada", read.get("full_name").asText());
        assertTrue(read.get("created_at").asText().endsWith("Z"));

        JsonNode patched = http.patch("/users/" + id, "{\"full_name\": null}").json();
        assertTrue(patched.get("full_name").isNull());
        assertEquals("ada_l", patched.get("username").asText());

        assertEquals(204, http.delete("/users/" + id).status());
        assertEquals(404, http.get("/users/" + id).status());
        assertEquals(404, http.delete("/users/" + id).status());
    }

    @Test
    void user_validation_reports_every_field() {
        Http.Reply r = http.post("/users", "{\"email\": \"not-an-email\", \"username\": \"a!\", \"full_name\": \""
                + "x".repeat(201) + "\", \"id\": 1}");
        assertEquals(422, r.status(), r.toString());
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("email", "full_name", "id", "username"), fields.stream().sorted().toList());
    }

    @Test
    void a_duplicate_email_in_another_letter_case_is_409() {
        assertEquals(201, http.post("/users", "{\"email\": \"dup@example.com\", \"username\": \"dup1\"}").status());
        Http.Reply again = http.post("/users", "{\"email\": \"DUP@example.COM\", \"username\": \"dup2\"}");
        assertEquals(409, again.status(), again.toString());
        assertEquals("application/problem+json", again.contentType());
        assertEquals(1, http.get("/users?email=dup@EXAMPLE.com").json().get("total").asInt());
    }

    @Test
    void concurrent_sign_ups_with_one_email_let_exactly_one_win() throws Exception {
        List<Callable<Integer>> signUps = IntStream.range(0, 8).<Callable<Integer>>mapToObj(i -> () -> http.post("/users",
                "{\"email\": \"" + (i % 2 == 0 ? "race@example.com" : "RACE@Example.com") + "\", \"username\": \"racer" + i + "\"}")
                .status()).toList();
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> f : threads.invokeAll(signUps)) {
                statuses.add(f.get());
            }
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    }

    @Test
    void posts_belong_to_an_existing_user_and_go_with_it() {
        long userId = user().get("id").asLong();
        Http.Reply created = http.post("/users/" + userId + "/posts", "{\"title\": \" Hello \", \"body\": \"text\"}");
        assertEquals(201, created.status(), created.toString());
        long postId = created.json().get("id").asLong();
        assertEquals("/posts/" + postId, created.header("Location"));
        assertEquals("Hello", created.json().get("title").asText());
        assertEquals(userId, created.json().get("user_id").asLong());
        assertTrue(post(userId, "no body").get("body").isNull(), "a post's body defaults to null");

        assertEquals(404, http.post("/users/999999/posts", "{\"title\": \"x\"}").status());
        assertEquals(404, http.get("/users/999999/posts").status());
        assertEquals(2, http.get("/users/" + userId + "/posts").json().get("total").asInt());

        assertEquals(204, http.delete("/users/" + userId).status());
        assertEquals(404, http.get("/posts/" + postId).status());
    }

    @Test
    void a_post_can_be_changed_and_deleted() {
        long postId = post(user().get("id").asLong(), "before").get("id").asLong();

        JsonNode patched = http.patch("/posts/" + postId, "{\"title\": \"after\", \"body\": \"b\"}").json();
        assertEquals("after", patched.get("title").asText());
        assertEquals("b", patched.get("body").asText());
        assertEquals(422, http.patch("/posts/" + postId, "{\"title\": \"\"}").status());
        assertEquals(422, http.patch("/posts/" + postId, "{\"user_id\": 5}").status());
        assertEquals(204, http.delete("/posts/" + postId).status());
        assertEquals(404, http.patch("/posts/" + postId, "{\"title\": \"x\"}").status());
    }

    @Test
    void includes_embed_related_rows_and_unknown_ones_are_400() {
        long userId = user().get("id").asLong();
        long first = post(userId, "one").get("id").asLong();
        long second = post(userId, "two").get("id").asLong();

        JsonNode withPosts = http.get("/users/" + userId + "?include=posts").json();
        assertEquals(List.of(first, second), List.of(withPosts.get("posts").get(0).get("id").asLong(),
                withPosts.get("posts").get(1).get("id").asLong()));
        assertNull(http.get("/users/" + userId).json().get("posts"));

        JsonNode withUser = http.get("/posts/" + first + "?include=user").json();
        assertEquals(userId, withUser.get("user").get("id").asLong());

        assertEquals(400, http.get("/users/" + userId + "?include=comments").status());
        assertEquals(400, http.get("/posts?include=posts").status());
        assertEquals(400, http.get("/users?colour=red").status());
    }

    @Test
    void list_filters_for_users_and_posts() {
        long a = user().get("id").asLong();
        long b = user().get("id").asLong();
        post(a, "Grüße aus Köln");
        post(b, "hello");

        JsonNode byUser = http.get("/posts?user_id=" + b).json();
        assertEquals(1, byUser.get("total").asInt());
        JsonNode byTitle = http.get("/posts?title_contains=GR%C3%9CSSE").json();
        assertEquals(1, byTitle.get("total").asInt());
        assertEquals(a, byTitle.get("items").get(0).get("user_id").asLong());

        String username = http.get("/users/" + a).json().get("username").asText();
        assertEquals(1, http.get("/users?username=" + username).json().get("total").asInt());
        assertEquals(400, http.get("/posts?user_id=abc").status());
    }

    @Test
    void a_hundred_users_with_their_posts_take_at_most_three_queries() {
        for (int i = 0; i < 100; i++) {
            long id = user().get("id").asLong();
            for (int p = 0; p < 5; p++) {
                post(id, "post " + p);
            }
        }
        // The users just created are the last 100 by id: the last page of 100.
        int total = http.get("/users?limit=1").json().get("total").asInt();

        Http.Reply one = http.get("/users?include=posts&limit=1&skip=" + (total - 1));
        Http.Reply hundred = http.get("/users?include=posts&limit=100&skip=" + (total - 100));

        assertEquals(200, hundred.status(), hundred.toString());
        assertEquals(100, hundred.json().get("items").size());
        hundred.json().get("items").forEach(u -> assertEquals(5, u.get("posts").size()));
        assertTrue(queries(hundred) <= 3, hundred.header("Server-Timing"));
        assertEquals(queries(one), queries(hundred));

        Http.Reply posts = http.get("/posts?include=user&limit=500");
        assertTrue(queries(posts) <= 3, posts.header("Server-Timing"));
    }
}

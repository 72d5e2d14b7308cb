package dev.dbref.bootstrap;

import dev.dbref.client.ApiClient;
import dev.dbref.client.ApiException;
import dev.dbref.client.ApiResponse;
import dev.dbref.client.api.PostsApi;
import dev.dbref.client.api.ProductsApi;
import dev.dbref.client.api.UsersApi;
import dev.dbref.client.model.CreatedIds;
import dev.dbref.client.model.FieldError;
import dev.dbref.client.model.Post;
import dev.dbref.client.model.PostInput;
import dev.dbref.client.model.Problem;
import dev.dbref.client.model.Product;
import dev.dbref.client.model.ProductFields;
import dev.dbref.client.model.ProductInput;
import dev.dbref.client.model.ProductPage;
import dev.dbref.client.model.ProductPatch;
import dev.dbref.client.model.User;
import dev.dbref.client.model.UserInput;
import dev.dbref.client.model.ValidationProblem;
import dev.dbref.testkit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main flows through the Java client that openapi-generator makes from {@code openapi.yaml}
 * at build time, and through nothing else: what a team that receives the document gets. One
 * server per database, shared by the flows.
 */
class GeneratedClientTest {
    private static final Map<TestDatabase, Application> SERVERS = new EnumMap<>(TestDatabase.class);

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(Application::close);
        SERVERS.clear();
    }

    private static ApiClient client(TestDatabase database) {
        Application app = SERVERS.computeIfAbsent(database, TestServers::start);
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + app.port());
        return client;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void create_then_read_with_its_etag_update_with_if_match_and_a_stale_tag_is_a_typed_412(TestDatabase database) throws Exception {
        ApiClient client = client(database);
        ProductsApi products = new ProductsApi(client);

        Product created = products.createProduct(new ProductInput().name(" Pear ").price(new BigDecimal("1.50")).quantity(3L), null);
        assertEquals("Pear", created.getName());
        assertEquals(0, new BigDecimal("1.5").compareTo(created.getPrice()));
        assertEquals(1L, created.getVersion());

        ApiResponse<Product> read = products.getProductWithHttpInfo(created.getId(), null);
        String etag = read.getHeaders().get("etag").get(0);
        assertEquals("\"1\"", etag);
        Product changed = products.updateProduct(created.getId(), new ProductPatch().quantity(4L), etag);
        assertEquals(2L, changed.getVersion());
        assertEquals(4L, changed.getQuantity());

        ApiException stale = assertThrows(ApiException.class,
                () -> products.updateProduct(created.getId(), new ProductPatch().quantity(5L), etag));
        assertEquals(412, stale.getCode());
        Problem problem = client.getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
        assertEquals(412, problem.getStatus());
        assertEquals("Precondition Failed", problem.getTitle());
        assertEquals(4L, products.getProduct(created.getId(), null).getQuantity(), "the stale update changed nothing");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void bulk_then_a_filtered_sorted_cursor_walk_reaches_the_end_without_repeats_or_gaps(TestDatabase database) throws Exception {
        ProductsApi products = new ProductsApi(client(database));
        String tag = "walk-" + database;
        List<ProductInput> drafts = IntStream.range(0, 25)
                .mapToObj(i -> new ProductInput().name(tag + " " + i).price(new BigDecimal(i % 7 + ".25")).quantity((long) i))
                .toList();
        CreatedIds bulk = products.createProductsInBulk(drafts, null);
        assertEquals(25, bulk.getCreated());
        assertEquals(25, new HashSet<>(bulk.getIds()).size());

        List<ProductFields> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ProductPage page = products.listProducts(null, 4, after, "none", tag, null, new BigDecimal("2"), null, null,
                    null, null, null, null, null, "-price", null, null);
            walked.addAll(page.getItems());
            after = page.getNext();
            pages++;
        } while (after != null && pages < 50);
        long expected = drafts.stream().filter(d -> d.getPrice().compareTo(new BigDecimal("2")) >= 0).count();
        assertEquals(expected, walked.size());
        Set<Long> ids = new HashSet<>();
        walked.forEach(p -> assertTrue(ids.add(p.getId()), "repeated " + p.getId()));
        for (int i = 1; i < walked.size(); i++) {
            int order = walked.get(i - 1).getPrice().compareTo(walked.get(i).getPrice());
            assertTrue(order > 0 || order == 0 && walked.get(i - 1).getId() < walked.get(i).getId(), "out of order at " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_user_with_include_posts_and_its_cascading_delete(TestDatabase database) throws Exception {
        ApiClient client = client(database);
        UsersApi users = new UsersApi(client);
        PostsApi posts = new PostsApi(client);
        User ada = users.createUser(new UserInput().email("ada-" + database + "@example.com").username("ada_" + database.name().toLowerCase())
                .fullName("Ada Lovelace"), null);
        Post first = posts.createPost(ada.getId(), new PostInput().title("Notes"), null);
        Post second = posts.createPost(ada.getId(), new PostInput().title("More notes").body("on the engine"), null);
        assertNull(first.getBody());

        User withPosts = users.getUser(ada.getId(), "posts", null);
        assertEquals(List.of(first.getId(), second.getId()), withPosts.getPosts().stream().map(Post::getId).toList());
        assertEquals(ada.getId(), posts.getPost(second.getId(), "user", null).getUser().getId());

        users.deleteUser(ada.getId());
        assertEquals(404, assertThrows(ApiException.class, () -> posts.getPost(first.getId(), null, null)).getCode());
        assertEquals(404, assertThrows(ApiException.class, () -> posts.listUserPosts(ada.getId(), null, null, null, null, null)).getCode());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_422_lists_every_field_error_as_typed_problem_details(TestDatabase database) throws IOException {
        ApiClient client = client(database);
        ProductsApi products = new ProductsApi(client);
        ApiException invalid = assertThrows(ApiException.class, () -> products.createProduct(
                new ProductInput().name("").price(new BigDecimal("0.001")).quantity(-1L), null));
        assertEquals(422, invalid.getCode());
        ValidationProblem problem = client.getObjectMapper().readValue(invalid.getResponseBody(), ValidationProblem.class);
        assertEquals(422, problem.getStatus());
        assertEquals(List.of("name", "price", "quantity"), problem.getErrors().stream().map(FieldError::getField).sorted().toList());
        assertTrue(problem.getErrors().stream().allMatch(e -> !e.getMessage().isBlank()));
    }
}

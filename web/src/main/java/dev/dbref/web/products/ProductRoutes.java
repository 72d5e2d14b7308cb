package dev.dbref.web.products;

import dev.dbref.web.auth.Callers;
import dev.dbref.web.http.IfMatch;
import dev.dbref.web.http.Json;
import dev.dbref.web.http.PathIds;
import dev.dbref.web.http.RequestBodies;
import dev.dbref.web.http.Responses;
import dev.dbref.web.http.Route;
import dev.dbref.web.http.SafeRetryHeaders;
import dev.dbref.web.paging.Paging;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.FieldError;
import dev.dbref.domain.model.IdempotencyKey;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDeletion;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.ProductProjection;
import dev.dbref.domain.model.ProductReplacement;
import dev.dbref.domain.model.ProductUpdate;
import dev.dbref.domain.model.ProductQuery;
import dev.dbref.domain.model.ResultPage;
import dev.dbref.domain.model.ValidationException;
import dev.dbref.domain.usecase.CreateProducts;
import dev.dbref.domain.usecase.OnceOnly;
import dev.dbref.domain.usecase.ProductUseCases;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /products}: each handler reads and checks the whole request, calls exactly one use case
 * (one unit of work), then writes the response, so no connection is held while JSON is parsed or written.
 */
public final class ProductRoutes {
    private final ProductUseCases products;
    private final Paging paging;

    public ProductRoutes(ProductUseCases products, Paging paging) {
        this.products = products;
        this.paging = paging;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/products/bulk", this::createAll),
                Route.get("/products", this::list),
                Route.post("/products", this::create),
                Route.patch("/products", this::updateAll),
                Route.delete("/products", this::deleteAll),
                Route.get("/products/{id}", this::get),
                Route.put("/products/{id}", this::replace),
                Route.patch("/products/{id}", this::update),
                Route.delete("/products/{id}", this::delete));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Optional<IdempotencyKey> key = SafeRetryHeaders.key(req, Callers.of(req));
        ObjectNode body = RequestBodies.object(req);
        ProductDraft draft = ProductJson.draft(body);
        if (key.isPresent()) {
            SafeRetryHeaders.send(res, products.createProduct().create(Callers.of(req), draft, new OnceOnly<>(key.get(),
                    SafeRetryHeaders.fingerprint(req, body), created -> SafeRetryHeaders.answer(Status.CREATED_201,
                            ProductJson.toJson(created), Map.of(HeaderNames.LOCATION.defaultCase(), "/products/" + created.id(),
                                    HeaderNames.ETAG.defaultCase(), Responses.etagOf(created.version()))))));
            return;
        }
        Product created = products.createProduct().create(Callers.of(req), draft);
        res.header(HeaderNames.LOCATION, "/products/" + created.id());
        sendOne(res, Status.CREATED_201, created);
    }

    private void get(ServerRequest req, ServerResponse res) {
        sendOne(res, Status.OK_200, products.getProduct().get(PathIds.id(req, "product")));
    }

    private void list(ServerRequest req, ServerResponse res) {
        ProductQuery query = ProductQueries.list(req.query(), paging);
        ResultPage<ProductProjection> page = products.listProducts().list(query);
        Responses.json(res, Status.OK_200, paging.envelope(page, p -> ProductJson.toJson(p.values(), p.fields()),
                ProductQueries.scope(query)));
    }

    private void replace(ServerRequest req, ServerResponse res) {
        long id = PathIds.id(req, "product");
        ProductDraft draft = ProductJson.draft(RequestBodies.object(req));
        sendOne(res, Status.OK_200, products.replaceProduct().replace(Callers.of(req), new ProductReplacement(id, draft, IfMatch.expectedVersion(req))));
    }

    private void update(ServerRequest req, ServerResponse res) {
        long id = PathIds.id(req, "product");
        var patch = ProductJson.patch(RequestBodies.object(req));
        sendOne(res, Status.OK_200, products.updateProduct().update(Callers.of(req), new ProductUpdate(id, patch, IfMatch.expectedVersion(req))));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        products.deleteProduct().delete(Callers.of(req), new ProductDeletion(PathIds.id(req, "product"), IfMatch.expectedVersion(req)));
        Responses.noContent(res);
    }

    private void createAll(ServerRequest req, ServerResponse res) {
        Optional<IdempotencyKey> key = SafeRetryHeaders.key(req, Callers.of(req));
        ArrayNode items = RequestBodies.array(req);
        List<ProductDraft> drafts = drafts(items);
        if (key.isPresent()) {
            SafeRetryHeaders.send(res, products.createProducts().createAll(Callers.of(req), drafts, new OnceOnly<>(key.get(),
                    SafeRetryHeaders.fingerprint(req, items),
                    ids -> SafeRetryHeaders.answer(Status.CREATED_201, createdIds(ids), Map.of()))));
            return;
        }
        Responses.json(res, Status.CREATED_201, createdIds(products.createProducts().createAll(Callers.of(req), drafts)));
    }

    private static ObjectNode createdIds(List<Long> ids) {
        ObjectNode body = Json.object().put("created", ids.size());
        ArrayNode idList = body.putArray("ids");
        ids.forEach(idList::add);
        return body;
    }

    /** Every item is checked before anything is written; the 422 names each bad item as {@code [i].field}. */
    private static List<ProductDraft> drafts(ArrayNode items) {
        CreateProducts.requireCount(items.size());
        List<ProductDraft> drafts = new ArrayList<>(items.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!(item instanceof ObjectNode object)) {
                errors.add(new FieldError("[" + i + "]", "must be a JSON object"));
                continue;
            }
            try {
                drafts.add(ProductJson.draft(object));
            } catch (ValidationException e) {
                int index = i;
                e.errors().forEach(err -> errors.add(err.atIndex(index)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return drafts;
    }

    private void updateAll(ServerRequest req, ServerResponse res) {
        var filter = ProductQueries.bulkFilter(req.query());
        var patch = ProductJson.patch(RequestBodies.object(req));
        int updated = products.updateProducts().updateAll(Callers.of(req), filter, patch);
        Responses.json(res, Status.OK_200, Json.object().put("updated", updated));
    }

    private void deleteAll(ServerRequest req, ServerResponse res) {
        int deleted = products.deleteProducts().deleteAll(Callers.of(req), ProductQueries.bulkFilter(req.query()));
        Responses.json(res, Status.OK_200, Json.object().put("deleted", deleted));
    }

    private static void sendOne(ServerResponse res, Status status, Product product) {
        Responses.etag(res, product.version());
        Responses.json(res, status, ProductJson.toJson(product));
    }
}

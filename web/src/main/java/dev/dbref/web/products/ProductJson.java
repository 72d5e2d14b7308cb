package dev.dbref.web.products;

import dev.dbref.web.http.BodyFields;
import dev.dbref.web.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.Product;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.ProductField;
import dev.dbref.domain.model.ProductPatch;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/** Products to and from their JSON form (snake_case; price an exact JSON number). */
public final class ProductJson {
    static final Set<String> WRITABLE = Set.of("name", "description", "price", "quantity");
    static final Set<String> READ_ONLY = Set.of("id", "version", "created_at", "updated_at");
    private static final Set<ProductField> ALL = EnumSet.allOf(ProductField.class);

    private ProductJson() {
    }

    public static ProductDraft draft(ObjectNode body) {
        Properties p = Properties.read(body);
        return p.fields().build(() -> ProductDraft.of(p.name().value(), p.description().value(), p.price().value(),
                p.quantity().value()));
    }

    static ProductPatch patch(ObjectNode body) {
        Properties p = Properties.read(body);
        return p.fields().build(() -> new ProductPatch(p.name(), p.description(), p.price(), p.quantity()));
    }

    /** The writable properties of a body, each present, absent or mistyped (then recorded in {@code fields}). */
    private record Properties(BodyFields fields, Change<String> name, Change<String> description,
                              Change<BigDecimal> price, Change<Long> quantity) {
        static Properties read(ObjectNode body) {
            BodyFields fields = new BodyFields(body, WRITABLE, READ_ONLY);
            return new Properties(fields, fields.text("name"), fields.text("description"), fields.decimal("price"),
                    fields.integer("quantity"));
        }
    }

    static ObjectNode toJson(Product p) {
        return toJson(p, ALL);
    }

    /** Only the requested properties, in the contract's order. */
    static ObjectNode toJson(Product p, Set<ProductField> fields) {
        ObjectNode json = Json.object();
        for (ProductField field : fields.size() == ALL.size() ? ALL : EnumSet.copyOf(fields)) {
            switch (field) {
                case ID -> json.put("id", p.id());
                case NAME -> json.put("name", p.name());
                case DESCRIPTION -> json.put("description", p.description());
                case PRICE -> json.set("price", Json.decimal(p.price()));
                case QUANTITY -> json.put("quantity", p.quantity());
                case VERSION -> json.put("version", p.version());
                case CREATED_AT -> json.put("created_at", Json.timestamp(p.createdAt()));
                case UPDATED_AT -> json.put("updated_at", Json.timestamp(p.updatedAt()));
                default -> throw new IllegalStateException("unmapped field " + field);
            }
        }
        return json;
    }
}

package dev.dbref.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbref.domain.model.Change;
import dev.dbref.domain.model.FieldError;
import dev.dbref.domain.model.ValidationException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads the properties of one JSON object with their JSON types checked, collecting every type
 * error and unknown property instead of stopping at the first. The domain then checks the values;
 * {@link #build} reports both kinds of error together, once per field.
 */
public final class BodyFields {
    private final ObjectNode node;
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> failed = new HashSet<>();

    /**
     * @param writable  the properties a client may send
     * @param readOnly  properties the server owns: refused like unknown ones, with a clearer message
     */
    public BodyFields(ObjectNode node, Set<String> writable, Set<String> readOnly) {
        this.node = node;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!writable.contains(name)) {
                fail(name, readOnly.contains(name) ? "is read-only and cannot be set" : "is not a known property");
            }
        }
    }

    public Change<String> text(String name) {
        return read(name, JsonNode::isTextual, "must be a string", JsonNode::textValue);
    }

    public Change<BigDecimal> decimal(String name) {
        return read(name, JsonNode::isNumber, "must be a number", JsonNode::decimalValue);
    }

    public Change<Long> integer(String name) {
        return read(name, v -> v.isIntegralNumber() && v.canConvertToLong(), "must be an integer", JsonNode::longValue);
    }

    /** Absent: keep; {@code null}: clear; of the right type: the value; else a recorded error, and keep. */
    private <T> Change<T> read(String name, Predicate<JsonNode> rightType, String typeError, Function<JsonNode, T> value) {
        JsonNode node = this.node.get(name);
        if (node == null) {
            return Change.keep();
        }
        if (node.isNull()) {
            return Change.to(null);
        }
        if (!rightType.test(node)) {
            fail(name, typeError);
            return Change.keep();
        }
        return Change.to(value.apply(node));
    }

    private void fail(String name, String message) {
        if (failed.add(name)) {
            errors.add(new FieldError(name, message));
        }
    }

    /**
     * Builds the domain command and throws one {@link ValidationException} listing the JSON-level
     * errors and every domain rule broken by the remaining fields.
     */
    public <T> T build(Supplier<T> command) {
        List<FieldError> all = new ArrayList<>(errors);
        T result = null;
        try {
            result = command.get();
        } catch (ValidationException e) {
            e.errors().stream().filter(err -> !failed.contains(err.field())).forEach(all::add);
        }
        if (!all.isEmpty()) {
            throw new ValidationException(all);
        }
        return result;
    }
}

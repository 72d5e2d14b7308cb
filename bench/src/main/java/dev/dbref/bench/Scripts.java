package dev.dbref.bench;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** wrk scenarios as Lua scripts: random ids within the loaded data set. */
final class Scripts {
    static String productJson(int i) {
        return "{\"name\": \"product " + i + "\", \"description\": \"a product for the benchmark\", \"price\": "
                + (i % 1000) + "." + String.format(Locale.ROOT, "%02d", i % 100) + ", \"quantity\": " + (i % 50) + "}";
    }

    static String getProduct() {
        return getProduct(Bench.PRODUCTS);
    }

    static String getProduct(int rows) {
        return "request = function() return wrk.format('GET', '/products/' .. math.random(1, " + rows + ")) end\n";
    }

    static String listProducts() {
        return listProducts(Bench.PRODUCTS);
    }

    static String listProducts(int rows) {
        return "request = function() return wrk.format('GET', '/products?limit=20&skip=' .. math.random(0, "
                + (rows - 20) + ")) end\n";
    }

    /** The first page without a count, or the page after {@code cursor} (already URL-encoded). */
    static String cursorPage(String cursor) {
        return "wrk.path = '/products?limit=20&total=none" + (cursor.isEmpty() ? "" : "&after=" + cursor) + "'\n";
    }

    /** {@code script} with one more request header. */
    static String withHeader(String script, String name, String value) {
        return "wrk.headers['" + name + "'] = '" + value + "'\n" + script;
    }

    static String usersWithPosts() {
        return "request = function() return wrk.format('GET', '/users?include=posts&limit=20&skip=' .. math.random(0, "
                + (Bench.USERS - 20) + ")) end\n";
    }

    static String patchProduct() {
        return """
                wrk.method = 'PATCH'
                wrk.headers['Content-Type'] = 'application/json'
                request = function()
                  return wrk.format('PATCH', '/products/' .. math.random(1, %d), nil, '{"quantity": ' .. math.random(0, 1000) .. '}')
                end
                """.formatted(Bench.PRODUCTS);
    }

    static String postProduct() {
        return """
                wrk.method = 'POST'
                wrk.path = '/products'
                wrk.headers['Content-Type'] = 'application/json'
                wrk.body = '%s'
                """.formatted(productJson(42));
    }

    /** The statement the service runs for a bulk POST of {@link #postBulk()}'s items, with the arrays inlined. */
    static String bulkInsertSql() {
        StringBuilder names = new StringBuilder();
        StringBuilder prices = new StringBuilder();
        StringBuilder quantities = new StringBuilder();
        for (int i = 0; i < Bench.BULK_ITEMS; i++) {
            String sep = i == 0 ? "" : ",";
            names.append(sep).append("\"product ").append(i).append('"');
            prices.append(sep).append(i % 1000).append('.').append(String.format(Locale.ROOT, "%02d", i % 100));
            quantities.append(sep).append(i % 50);
        }
        String descriptions = IntStream.range(0, Bench.BULK_ITEMS).mapToObj(i -> "\"a product for the benchmark\"")
                .collect(Collectors.joining(","));
        return "INSERT INTO products (name, name_key, description, price, quantity, version, created_at, updated_at) "
                + "SELECT t.name, t.name_key, t.description, t.price, t.quantity, 1, now(), now() FROM unnest("
                + "'{" + names + "}'::varchar[], '{" + names.toString().toUpperCase(Locale.ROOT) + "}'::text[], "
                + "'{" + descriptions + "}'::varchar[], '{" + prices + "}'::numeric[], '{" + quantities + "}'::bigint[]) "
                + "WITH ORDINALITY AS t(name, name_key, description, price, quantity, ord) ORDER BY t.ord RETURNING id;\n";
    }

    static String postBulk() {
        String items = IntStream.range(0, Bench.BULK_ITEMS).mapToObj(Scripts::productJson).collect(Collectors.joining(",", "[", "]"));
        return """
                wrk.method = 'POST'
                wrk.path = '/products/bulk'
                wrk.headers['Content-Type'] = 'application/json'
                wrk.body = '%s'
                """.formatted(items);
    }
}

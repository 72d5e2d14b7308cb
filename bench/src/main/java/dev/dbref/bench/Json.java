package dev.dbref.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Results written with Jackson, in the order they were measured. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    static String write(Object value) throws IOException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}

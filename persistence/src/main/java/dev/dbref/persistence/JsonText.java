package dev.dbref.persistence;

/** Just enough JSON writing for {@link ProductRows}: string members, escaped per RFC 8259. */
final class JsonText {
    private JsonText() {
    }

    /** Appends {@code "key":"value"}, or {@code "key":null}. */
    static StringBuilder member(StringBuilder json, String key, String value) {
        json.append('"').append(key).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}

package dev.dbref.web;

import dev.dbref.web.docs.DocsAssets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only plain file names of known types are assets; nothing can climb out of the two folders. */
class DocsAssetsTest {

    @Test
    void plain_names_of_known_types_are_assets() {
        for (String name : List.of("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png", "x.js.map")) {
            assertTrue(DocsAssets.typeOf(name).isPresent(), name);
        }
    }

    @Test
    void paths_hidden_files_and_other_types_are_not() {
        for (String name : List.of("..", "../x.js", "a/b.js", "/etc/passwd", ".hidden.js", "..js", "a..js", "index.html",
                "pom.properties", "x.js\u0000.png", "", "a\\b.js")) {
            assertFalse(DocsAssets.typeOf(name).isPresent(), name);
        }
    }
}

package dev.dbref.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passwords apart from the URLs (API.md, "Database connections"): which one each URL gets, and files read again. */
class SecretSettingsTest {
    /** URL-special characters, so that a secret leaking through a URL would show. */
    private static final String SECRET = "p@ss:w/rd%?&#+ word";

    @TempDir
    Path dir;

    private static Settings load(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("DATABASE_URL", "postgresql://app@db.example.com:5432/shop"));
        all.putAll(env);
        return SettingsLoader.load(all);
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void database_password_applies_where_the_url_has_none_and_the_url_wins_where_it_has_one() {
        assertEquals(SECRET, load(Map.of("DATABASE_PASSWORD", SECRET)).database().url().password().orElseThrow());
        assertEquals("inurl", load(Map.of("DATABASE_URL", "postgresql://app:inurl@db:5432/shop", "DATABASE_PASSWORD", SECRET))
                .database().url().password().orElseThrow());
    }

    @Test
    void a_password_file_is_read_again_each_time_without_its_one_trailing_newline() throws Exception {
        Path secret = file("password", SECRET + "\n");
        Settings settings = load(Map.of("DATABASE_PASSWORD_FILE", secret.toString()));
        assertEquals(SECRET, settings.database().url().password().orElseThrow());
        Files.writeString(secret, "rotated\n\n");
        assertEquals("rotated\n", settings.database().url().password().orElseThrow(), "only one newline is dropped");
    }

    @Test
    void a_missing_file_stops_the_start_with_its_name_and_both_forms_at_once_are_refused() throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("DATABASE_PASSWORD_FILE", dir.resolve("absent").toString())));
        assertEquals("DATABASE_PASSWORD_FILE: cannot read the file " + dir.resolve("absent") + " (it does not exist)",
                missing.getMessage());
        Path secret = file("password", SECRET);
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("DATABASE_PASSWORD_FILE", secret.toString(), "DATABASE_PASSWORD", "x")));
        assertEquals("set DATABASE_PASSWORD or DATABASE_PASSWORD_FILE, not both", both.getMessage());
    }

    @Test
    void the_read_url_takes_its_own_password_or_else_the_databases() {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_PASSWORD", SECRET,
                "DATABASE_READ_URL", "postgresql://app@standby.example.com:5432/shop"));
        assertEquals(SECRET, load(env).database().replicas().orElseThrow().url().password().orElseThrow());
        env.put("DATABASE_READ_PASSWORD", "reader");
        assertEquals("reader", load(env).database().replicas().orElseThrow().url().password().orElseThrow());
    }

    @Test
    void the_runtime_role_is_granted_by_migrations_on_postgresql_only_and_must_be_a_plain_name() {
        assertEquals("dbref_app", load(Map.of("DB_APP_ROLE", "dbref_app")).migration().grantee().orElseThrow().name());
        assertTrue(load(Map.of()).migration().grantee().isEmpty(), "unset, nothing is granted");
        IllegalArgumentException sqlite = assertThrows(IllegalArgumentException.class,
                () -> load(Map.of("DATABASE_URL", "sqlite:./app.db", "DB_APP_ROLE", "dbref_app")));
        assertEquals("DB_APP_ROLE is for PostgreSQL; SQLite has no roles (its file is owner-only)", sqlite.getMessage());
        assertThrows(IllegalArgumentException.class, () -> load(Map.of("DB_APP_ROLE", "app; DROP TABLE products")));
    }

    @Test
    void migrations_run_as_the_migration_user_with_its_own_password() {
        Settings settings = load(Map.of("DATABASE_PASSWORD", SECRET, "MIGRATION_DATABASE_USER", "owner",
                "MIGRATION_DATABASE_PASSWORD", "ownerpw"));
        assertEquals("owner", settings.migration().url().user().orElseThrow());
        assertEquals("ownerpw", settings.migration().url().password().orElseThrow());
        assertEquals("app", settings.database().url().user().orElseThrow());
        Settings sameUser = load(Map.of("DATABASE_PASSWORD", SECRET));
        assertEquals(SECRET, sameUser.migration().url().password().orElseThrow());
    }

    @Test
    void the_admin_token_file_is_read_on_each_request() throws Exception {
        Path token = file("token", "first\n");
        Settings settings = load(Map.of("ADMIN_TOKEN_FILE", token.toString()));
        assertEquals("first", settings.api().debug().adminToken().get().orElseThrow());
        Files.writeString(token, "second");
        assertEquals("second", settings.api().debug().adminToken().get().orElseThrow());
    }

    @Test
    void no_secret_shows_in_the_settings_or_the_urls_as_text() throws Exception {
        Settings settings = load(Map.of("DATABASE_PASSWORD", SECRET, "ADMIN_TOKEN", SECRET,
                "MIGRATION_DATABASE_PASSWORD_FILE", file("m", SECRET).toString(), "MIGRATION_DATABASE_USER", "owner"));
        for (Object shown : new Object[] {settings, settings.database().url(), settings.migration().url(), settings.migration()}) {
            assertFalse(String.valueOf(shown).contains(SECRET), String.valueOf(shown));
            assertFalse(String.valueOf(shown).contains("ss:w"), String.valueOf(shown));
        }
        assertTrue(settings.database().url().toString().startsWith("app@"), settings.database().url().toString());
    }
}

package dev.dbref.persistence.connection;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * SQLite creates its database file but not the folder it goes in: a fresh checkout with
 * {@code sqlite:./data/app.db} would fail with the driver's "unable to open database file", which
 * names no path. Every way in (serve, migrate, check) creates the folder first.
 */
public final class SqliteFolder {
    private SqliteFolder() {
    }

    /** @throws DatabaseUnreachableException one line naming the folder and why it cannot be made */
    public static void ensure(DatabaseUrl url) {
        Optional<Path> folder = url.sqliteFile().map(file -> file.toAbsolutePath().normalize().getParent());
        if (folder.isEmpty() || Files.isDirectory(folder.get())) {
            return;
        }
        try {
            Files.createDirectories(folder.get());
        } catch (IOException | SecurityException e) {
            throw new DatabaseUnreachableException("cannot create the folder " + folder.get()
                    + " for the SQLite database: " + reason(folder.get(), e), e);
        }
    }

    private static String reason(Path folder, Exception e) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return existing + " is a file, not a folder";
        }
        return e instanceof AccessDeniedException ? "permission denied" : ConnectionFailures.describe(e);
    }
}

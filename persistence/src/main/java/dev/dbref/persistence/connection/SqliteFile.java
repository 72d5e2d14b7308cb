package dev.dbref.persistence.connection;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * A SQLite database file made ready before the driver opens it, on every way in (serve, migrate,
 * check). SQLite creates its file but not the folder it goes in: a fresh checkout with
 * {@code sqlite:./data/app.db} would fail with the driver's "unable to open database file", which
 * names no path. And it creates the file with the process's umask, readable by everyone: a new
 * file is made readable by its owner only, and SQLite gives its {@code -wal} and {@code -shm} the
 * permissions of the database file.
 */
public final class SqliteFile {
    private SqliteFile() {
    }

    /** @throws DatabaseUnreachableException one line naming the folder and why it cannot be made */
    public static void prepare(DatabaseUrl url) {
        ensureFolder(url);
        url.sqliteFile().ifPresent(SqliteFile::createOwnerOnly);
    }

    /** An empty file is an empty SQLite database. Elsewhere than POSIX file systems the default stays. */
    private static void createOwnerOnly(Path file) {
        if (Files.exists(file) || !file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another process created it first
        } catch (IOException e) {
            throw new DatabaseUnreachableException("cannot create the SQLite database " + file + ": "
                    + ConnectionFailures.describe(e), e);
        }
    }

    private static void ensureFolder(DatabaseUrl url) {
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

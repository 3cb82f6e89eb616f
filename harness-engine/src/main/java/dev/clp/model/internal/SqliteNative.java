package dev.clp.model.internal;

import dev.clp.config.ClpConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where SQLite's native library is loaded from. sqlite-jdbc copies the library out of its jar into {@code java.io.tmpdir}
 * under a fresh name on every start (~0.1 s, on the way to the first model call) and leaves the copy behind when the
 * JVM is killed. This keeps one copy per library build in the user's cache directory
 * ({@code <cache>/clp-harness/native/}) and points sqlite-jdbc at it ({@code org.sqlite.lib.path} and
 * {@code org.sqlite.lib.name}). When no copy can be kept there (read-only home, full disk) sqlite-jdbc extracts its
 * own as before, and the reason is logged at DEBUG on {@code dev.clp.model.internal.SqliteNative}. A path the user set in
 * {@code org.sqlite.lib.path} is left alone.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SqliteNative {

    private static final System.Logger LOG = System.getLogger(SqliteNative.class.getName());
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static boolean prepared;

    private SqliteNative() {
    }

    /** Points sqlite-jdbc at the kept copy; call before the first SQLite connection. Once per JVM; later calls return. */
    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        Path dir = ClpConfig.userCacheDir(System.getenv()).resolve("native");
        try {
            stableCopy(dir).ifPresent(copy -> {
                System.setProperty(PATH_PROPERTY, copy.getParent().toString());
                System.setProperty(NAME_PROPERTY, copy.getFileName().toString());
            });
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "no copy of SQLite's native library kept in " + dir
                    + "; sqlite-jdbc extracts its own: " + e);
        }
    }

    /**
     * The kept copy of this platform's library in {@code dir}, extracted when missing; empty on a platform sqlite-jdbc
     * has no library for. The copy is named by the size and time of the sqlite-jdbc jar it comes from and the JVM's
     * architecture, so another build gets a copy of its own, and is moved into place atomically, so a copy that exists
     * is complete. Finding it costs two file lookups: asking sqlite-jdbc for its version and the library's place in
     * the jar takes 60-100 ms, which only the first extraction pays.
     *
     * @throws IOException when the copy cannot be written
     */
    static Optional<Path> stableCopy(Path dir) throws IOException {
        String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
        Path copy = dir.resolve("sqlite-jdbc-" + origin() + "-" + System.getProperty("os.arch") + "-" + name);
        if (Files.isRegularFile(copy)) {
            return Optional.of(copy);
        }
        URL url = org.sqlite.SQLiteJDBCLoader.class.getResource(
                org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (url == null) {
            return Optional.empty();
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Optional.of(copy);
    }

    /** Size and modification time, in hex, of the jar (or classes directory) sqlite-jdbc was loaded from. */
    private static String origin() throws IOException {
        java.security.CodeSource source = org.sqlite.SQLiteJDBCLoader.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IOException("sqlite-jdbc was not loaded from a file");
        }
        Path file;
        try {
            file = Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new IOException(source.getLocation() + ": not a file on disk (" + e.getMessage() + ")", e);
        }
        return Long.toHexString(Files.size(file)) + "-" + Long.toHexString(Files.getLastModifiedTime(file).toMillis());
    }
}

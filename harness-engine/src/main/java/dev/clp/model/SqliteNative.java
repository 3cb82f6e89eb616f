package dev.clp.model;

import dev.clp.config.ClpConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Where SQLite's native library is loaded from. sqlite-jdbc copies the library out of its jar into {@code java.io.tmpdir}
 * under a fresh name on every start (~0.1 s, on the way to the first model call) and leaves the copy behind when the
 * JVM is killed. This keeps one copy per library build in the user's cache directory
 * ({@code <cache>/clp-harness/native/}) and points sqlite-jdbc at it ({@code org.sqlite.lib.path} and
 * {@code org.sqlite.lib.name}). When no copy can be kept there (read-only home, full disk) sqlite-jdbc extracts its
 * own as before, and the reason is logged at DEBUG on {@code dev.clp.model.SqliteNative}. A path the user set in
 * {@code org.sqlite.lib.path} is left alone.
 */
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
     * The kept copy of this platform's library in {@code dir}, written (atomically) when missing or not the jar's (its
     * name carries the library's CRC-32, its size is checked); empty on a platform sqlite-jdbc has no library for.
     *
     * @throws IOException when the copy cannot be written
     */
    static Optional<Path> stableCopy(Path dir) throws IOException {
        String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
        URL url = org.sqlite.SQLiteJDBCLoader.class.getResource(
                org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (url == null) {
            return Optional.empty();
        }
        long size;
        long crc;
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        if (connection instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            size = entry.getSize();
            crc = entry.getCrc();
            jar.getJarFile().close();
        } else {
            // an unpacked classpath (an IDE): read it once to know what a complete copy is
            CRC32 sum = new CRC32();
            try (InputStream in = new CheckedInputStream(url.openStream(), sum)) {
                size = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            crc = sum.getValue();
        }
        Path copy = dir.resolve("sqlite-jdbc-" + org.sqlite.SQLiteJDBCLoader.getVersion() + "-"
                + Long.toHexString(crc) + "-" + name);
        if (Files.isRegularFile(copy) && Files.size(copy) == size) {
            return Optional.of(copy);
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            CRC32 written = new CRC32();
            try (InputStream in = new CheckedInputStream(url.openStream(), written)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (written.getValue() != crc || Files.size(tmp) != size) {
                throw new IOException(url + ": read " + Files.size(tmp) + " bytes with CRC-32 "
                        + Long.toHexString(written.getValue()) + ", expected " + size + " bytes with " + Long.toHexString(crc));
            }
            Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Optional.of(copy);
    }
}

package dev.clp.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jar file systems one discovery opens to read suites from classpath resources, closed when discovery ends: every
 * pairs file is parsed during discovery and nothing reads them afterwards. A file system that was already open (by
 * someone else) is used and left open.
 */
final class JarFileSystems implements AutoCloseable {

    private final List<FileSystem> opened = new ArrayList<>();

    /** A path on the default file system, or inside a jar on the classpath. */
    synchronized Path toPath(URI uri) throws IOException {
        if ("jar".equals(uri.getScheme())) {
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
                opened.add(fs);
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            String spec = uri.getSchemeSpecificPart();
            return fs.getPath(spec.substring(spec.indexOf("!/") + 1));
        }
        return Path.of(uri);
    }

    /** Closes every file system this discovery opened; a failure to close one is rethrown after the others closed. */
    @Override
    public synchronized void close() {
        java.io.UncheckedIOException failed = null;
        for (FileSystem fs : opened) {
            try {
                fs.close();
            } catch (IOException e) {
                if (failed == null) {
                    failed = new java.io.UncheckedIOException("cannot close the jar file system " + fs + ": "
                            + e.getMessage(), e);
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        opened.clear();
        if (failed != null) {
            throw failed;
        }
    }
}

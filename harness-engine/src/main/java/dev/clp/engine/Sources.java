package dev.clp.engine;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** Test sources that let IDEs jump to the suite file and line. */
final class Sources {

    private Sources() {
    }

    static TestSource file(Path file, int line) {
        if (file.getFileSystem() == FileSystems.getDefault()) {
            return line > 0 ? FileSource.from(file.toFile(), FilePosition.from(line)) : FileSource.from(file.toFile());
        }
        String name = file.toString().startsWith("/") ? file.toString().substring(1) : file.toString();
        return line > 0 ? ClasspathResourceSource.from(name, FilePosition.from(line)) : ClasspathResourceSource.from(name);
    }

    /**
     * The source of a line in the file whose source (without a line) is {@code file}: a pair's, sharing the file's
     * canonical {@link java.io.File} ({@link FileSource#from} makes a new one, and asks the file system, each time).
     */
    static TestSource at(TestSource file, int line) {
        if (line <= 0) {
            return file;
        }
        if (file instanceof FileSource f) {
            return f.withPosition(FilePosition.from(line));
        }
        ClasspathResourceSource c = (ClasspathResourceSource) file;
        return ClasspathResourceSource.from(c.getClasspathResourceName(), FilePosition.from(line));
    }

    /** The line a test's source points at (a pair's line in its suite file), 0 when it has none. */
    static int line(org.junit.platform.engine.TestDescriptor test) {
        return test.getSource().flatMap(s -> s instanceof FileSource f ? f.getPosition()
                : s instanceof ClasspathResourceSource c ? c.getPosition() : java.util.Optional.empty())
                .map(FilePosition::getLine).orElse(0);
    }

    static TestSource directory(Path dir) {
        if (dir.getFileSystem() == FileSystems.getDefault()) {
            return DirectorySource.from(dir.toFile());
        }
        String name = dir.toString().startsWith("/") ? dir.toString().substring(1) : dir.toString();
        return ClasspathResourceSource.from(name);
    }
}

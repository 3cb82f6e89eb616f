package dev.clp.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clp.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's native library comes from one kept copy, not from a fresh extraction into the temp directory per run. */
class SqliteNativeTest {

    @TempDir
    Path tmp;

    @Test
    void theCopyIsWrittenOnceAndReused() throws IOException {
        Path dir = tmp.resolve("native");
        Path copy = SqliteNative.stableCopy(dir).orElseThrow();
        assertThat(copy.getParent()).isEqualTo(dir);
        assertThat(copy.getFileName().toString()).startsWith("sqlite-jdbc-")
                .endsWith("-" + System.getProperty("os.arch") + "-" + org.sqlite.util.LibraryLoaderUtil.getNativeLibName());
        assertThat(Files.size(copy)).isGreaterThan(100_000);
        Files.setLastModifiedTime(copy, FileTime.fromMillis(0));

        assertThat(SqliteNative.stableCopy(dir)).hasValue(copy);
        assertThat(Files.getLastModifiedTime(copy).toMillis()).as("not written again").isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(copy);
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsAnError() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> SqliteNative.stableCopy(notADirectory.resolve("native"))).isInstanceOf(IOException.class);
    }

    /** Opens a response cache, then prints the native libraries the process mapped. */
    public static final class OpenCache {
        public static void main(String[] args) throws IOException {
            ResponseCache.open(Path.of(args[0])).close();
            try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
                maps.filter(l -> l.contains("sqlite")).map(l -> l.substring(l.lastIndexOf(' ') + 1)).distinct()
                        .forEach(l -> System.out.println("mapped " + l));
            }
        }
    }

    @Test
    void aRunLoadsTheKeptCopyAndLeavesNothingInTheTempDirectory() throws IOException, InterruptedException {
        assumeTrue(ChildJvm.available() && Files.isRegularFile(Path.of("/proc/self/maps")),
                "run through Maven on Linux: the build writes the runtime classpath");
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path cacheHome = tmp.resolve("cache-home");
        Path kept = cacheHome.resolve("clp-harness/native");

        String first = runChild(javaTmp, cacheHome);
        String second = runChild(javaTmp, cacheHome);

        List<Path> copies;
        try (Stream<Path> files = Files.list(kept)) {
            copies = files.toList();
        }
        assertThat(copies).hasSize(1);
        assertThat(first).contains("mapped " + copies.get(0));
        assertThat(second).contains("mapped " + copies.get(0));
        try (Stream<Path> files = Files.list(javaTmp)) {
            assertThat(files).as("sqlite-jdbc extracted nothing into java.io.tmpdir").isEmpty();
        }
    }

    private String runChild(Path javaTmp, Path cacheHome) throws IOException, InterruptedException {
        ProcessBuilder builder = ChildJvm.of(OpenCache.class, List.of("-Djava.io.tmpdir=" + javaTmp),
                tmp.resolve("responses.sqlite").toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.txt").toFile());
        builder.environment().put("XDG_CACHE_HOME", cacheHome.toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(tmp.resolve("child.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}

package dev.clp.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: the old file or the new one, and nothing else left behind when the write fails. */
class SuiteWriterTest {

    @TempDir
    Path tmp;

    @Test
    void aFailedAtomicWriteLeavesNoTemporaryFileBehind() throws IOException {
        Path target = tmp.resolve("run.json");
        // a non-empty directory in the way: the final move fails, as it does on a full or read-only disk
        Files.createDirectories(target.resolve("in-the-way"));
        assertThatThrownBy(() -> SuiteWriter.writeAtomically(target, "{}\n"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(target.toString());
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("run.json");
        }
    }

    @Test
    void anAtomicWriteReplacesTheFileWhole() throws IOException {
        Path target = tmp.resolve("gates.json");
        Files.writeString(target, "old");
        SuiteWriter.writeAtomically(target, "new\n");
        assertThat(Files.readString(target)).isEqualTo("new\n");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }
}

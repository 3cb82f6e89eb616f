package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine package stays thin glue: every source file in {@code dev.clp.engine} is under 200 lines. A class that
 * grows past it holds work that belongs in a plain-Java class of its own (reading suites, running, writing results).
 */
class EngineSizeTest {

    static final int MAX_LINES = 200;

    @Test
    void everyEngineClassIsUnderTwoHundredLines() throws IOException {
        Path dir = Path.of("src/main/java/dev/clp/engine");
        assumeTrue(Files.isDirectory(dir), "run from the harness-engine module (Maven does)");
        Map<String, Long> tooLong = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> l = Files.lines(f)) {
                    lines = l.count();
                }
                if (lines >= MAX_LINES) {
                    tooLong.put(f.getFileName().toString(), lines);
                }
            }
        }
        assertThat(tooLong).as("engine classes of %d lines or more", MAX_LINES).isEmpty();
    }
}

package dev.clp.testing;

import dev.clp.suite.Pair;
import dev.clp.suite.PairIds;
import dev.clp.suite.Side;
import dev.clp.suite.SuiteManifest;
import dev.clp.suite.SuiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds small suites on disk for tests. */
public final class SuiteFixtures {

    private SuiteFixtures() {
    }

    /** A pair about {@code topic} whose right answer is index {@code answer} of four. */
    public static Pair pair(String lang, String topic, int answer) {
        Side en = new Side("Which one is " + topic + "?", List.of(topic + " A", topic + " B", topic + " C", topic + " D"), answer);
        Side target = new Side("[" + lang + "] Which one is " + topic + "?",
                List.of(lang + " " + topic + " A", lang + " " + topic + " B", lang + " " + topic + " C",
                        lang + " " + topic + " D"), answer);
        return new Pair(PairIds.of(lang, en), lang, "fixture", "general knowledge", en, target, null, Map.of());
    }

    /** Writes a suite with {@code perLanguage} pairs in each language. */
    public static Path suite(Path dir, String id, int perLanguage, String... langs) {
        SuiteWriter.writeManifest(dir, new SuiteManifest(id, "0.1.0", "fixture " + id, null, "MIT", List.of(), Map.of()));
        for (String lang : langs) {
            List<Pair> pairs = new ArrayList<>();
            for (int i = 0; i < perLanguage; i++) {
                pairs.add(pair(lang, "topic" + i, i % 4));
            }
            SuiteWriter.writePairs(dir, lang, pairs);
        }
        return dir;
    }

    /** Appends raw lines to a file (to plant broken lines). */
    public static void append(Path file, String... lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The starter suite of the repository, as the build passes it in (system property). */
    public static Path starterSuite() {
        String p = System.getProperty("clp.test.starter-suite", "../generated-suites/suites/starter");
        return Path.of(p).toAbsolutePath().normalize();
    }
}

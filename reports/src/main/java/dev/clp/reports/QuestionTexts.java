package dev.clp.reports;

import dev.clp.suite.Pair;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The English and target question of every pair of the given suites, by suite id and pair id. */
final class QuestionTexts {

    private QuestionTexts() {
    }

    /**
     * @param dirs suite directories, or directories whose subdirectories are suites
     * @throws IllegalArgumentException naming a directory that holds no suite
     */
    static Map<String, String[]> read(List<Path> dirs) {
        Map<String, String[]> texts = new HashMap<>();
        for (Path dir : dirs) {
            List<Path> suites = new ArrayList<>();
            if (Suite.isSuiteDir(dir)) {
                suites.add(dir);
            } else if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(Suite::isSuiteDir).sorted().forEach(suites::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
                }
            }
            if (suites.isEmpty()) {
                throw new IllegalArgumentException(dir + ": no suite (a suite directory holds "
                        + Suite.MANIFEST_FILE + " and pairs-<lang>.jsonl)");
            }
            for (Path d : suites) {
                Suite suite = Suite.open(d);
                for (Path file : suite.languageFiles().values()) {
                    for (Pair p : SuiteReader.read(file).pairs()) {
                        texts.put(suite.manifest().id() + '\u001f' + p.id(),
                                new String[] {p.en().question(), p.target().question()});
                    }
                }
            }
        }
        return texts;
    }
}

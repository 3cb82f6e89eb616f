package dev.clp.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.suite.Languages;
import dev.clp.suite.Pair;
import dev.clp.suite.PairIds;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteReader;
import dev.clp.suite.SuiteWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every committed suite is valid, canonical (as the writer would write it) and carries its provenance. */
class CommittedSuitesTest {

    private static final Path SUITES = Path.of("suites");

    @TestFactory
    Stream<DynamicTest> everySuiteFileLoadsWithoutProblemsAndIsInCanonicalForm() throws IOException {
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(SUITES, 3)) {
            dirs = walk.filter(Suite::isSuiteDir).sorted().toList();
        }
        assertThat(dirs).isNotEmpty();
        return dirs.stream().flatMap(dir -> Suite.open(dir).languageFiles().values().stream())
                .map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
                    SuiteReader.LanguageFile lf = SuiteReader.read(file);
                    assertThat(lf.problems()).isEmpty();
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    assertThat(lines).hasSize(lf.pairs().size());
                    for (int i = 0; i < lines.size(); i++) {
                        Pair p = lf.pairs().get(i);
                        assertThat(p.id()).as("id of line %d derives from content", i + 1)
                                .isEqualTo(PairIds.of(p.lang(), p.en()));
                        assertThat(lines.get(i)).as("line %d is canonical", i + 1).isEqualTo(SuiteWriter.toJsonLine(p));
                        assertThat(lines.get(i)).as("line %d: a simulated translation never ships", i + 1)
                                .doesNotContain("⟦sim:").doesNotContain("\"simulated\":true");
                    }
                }));
    }

    @Test
    void theStarterSuiteCoversThe16PaperLanguagesWithAlignedAnswers() {
        Suite starter = Suite.open(SUITES.resolve("starter"));
        assertThat(starter.languageFiles().keySet()).containsExactlyInAnyOrderElementsOf(Languages.paperTargets());
        assertThat(starter.manifest().provenance().get("review")).asString().contains("not reviewed by native speakers");

        Map<String, List<Pair>> byLang = starter.languageFiles().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> SuiteReader.read(e.getValue()).pairs()));
        List<String> english = byLang.get("sw").stream().map(p -> p.en().question()).sorted().toList();
        byLang.forEach((lang, pairs) -> {
            assertThat(pairs).as(lang).hasSizeGreaterThanOrEqualTo(12);
            assertThat(pairs.stream().map(p -> p.en().question()).sorted().toList()).as(lang).isEqualTo(english);
            assertThat(pairs).as(lang).allSatisfy(p -> {
                assertThat(p.target().answer()).isEqualTo(p.en().answer());
                assertThat(p.target().choices()).hasSameSizeAs(p.en().choices()).doesNotHaveDuplicates();
                assertThat(p.target().question()).isNotEqualTo(p.en().question());
                assertThat(p.provenance()).containsEntry("nativeReview", false);
            });
            assertThat(pairs.stream().filter(p -> p.perturbation() != null).count()).as(lang).isGreaterThanOrEqualTo(4);
        });
    }
}

package dev.clp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clp.importer.ClpPublishedImporter;
import dev.clp.model.spi.Questions;
import dev.clp.suite.Pair;
import dev.clp.suite.SuiteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped profile on the published pairs (../shared/clp-dataset, or CLP_DATASET; skipped when absent; nothing of
 * it is committed): the simulator's accuracy on each language's English and target side is within 3 points of the
 * profile's figure, which is the paper's ({@code paper-results.json}). Prints the table.
 */
class PublishedProfilesTest {

    static final double TOLERANCE = 0.03;

    @TempDir
    Path tmp;

    static Path dataset() {
        String env = System.getenv("CLP_DATASET");
        return Path.of(env != null ? env : System.getProperty("clp.test.dataset", "../../shared/clp-dataset"));
    }

    /** The published pairs as {@code clp import clp} imports them, per language. */
    private Map<String, List<Pair>> published() throws IOException {
        Path pairs = dataset().resolve("pairs");
        assumeTrue(Files.isDirectory(pairs), "the shared dataset is not present at " + pairs.toAbsolutePath());
        ClpPublishedImporter.run(List.of(new ClpPublishedImporter.Input(pairs.toString())), tmp,
                new ClpPublishedImporter.Options("clp", null, null));
        Map<String, List<Pair>> byLang = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(tmp)) {
            for (Path f : s.filter(p -> p.getFileName().toString().matches("pairs-.+\\.jsonl")).sorted().toList()) {
                SuiteReader.LanguageFile lf = SuiteReader.read(f);
                byLang.put(lf.lang(), lf.pairs());
            }
        }
        return byLang;
    }

    @Test
    void everyProfileIsWithinThreePointsOfThePaperOnEveryLanguageAndSide() throws IOException {
        Map<String, List<Pair>> byLang = published();
        Questions questions = new Questions();
        byLang.values().forEach(ps -> ps.forEach(questions::add));
        AnswerKey key = AnswerKey.of(questions);
        List<String> profiles = ProfileTable.profiles();
        List<String> misses = new ArrayList<>();
        ProfileTable table = new ProfileTable("published pairs (" + dataset() + "), imported");
        for (String name : profiles) {
            SimProfile profile = SimProfile.named(name);
            SimulatedModel sim = new SimulatedModel(profile, key, List.of());
            for (Map.Entry<String, List<Pair>> lang : byLang.entrySet()) {
                double en = ProfileTable.accuracy(sim, lang.getValue(), true);
                double target = ProfileTable.accuracy(sim, lang.getValue(), false);
                table.put(name, lang.getKey(), en, target, profile);
                misses.addAll(table.misses(name, lang.getKey(), profile, en, target));
            }
        }
        System.out.println(table.render(profiles, byLang.keySet()));
        assertThat(misses).as("profiles more than 3 points off the paper on the published pairs").isEmpty();
    }

    @Test
    void theCommittedDistractionResponsesAreThoseOfThePublishedPairs() throws IOException {
        Map<String, List<Pair>> byLang = published();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "mean distraction response of the published pairs, min(1, distraction / %d):%n"
                        + "lang  English  target (English-equivalent characters)  target (raw characters)%n",
                SimProfile.FULL_DISTRACTION_CHARS));
        for (Map.Entry<String, List<Pair>> lang : byLang.entrySet()) {
            AnswerKey key = new AnswerKey();
            lang.getValue().forEach(key::register);
            double en = 0;
            double target = 0;
            double raw = 0;
            for (Pair p : lang.getValue()) {
                en += response(p.distractionLength(true));
                raw += response(p.distractionLength(false));
                target += response(key.find(ProfileTable.strip(p.target().choices()), p.target().question())
                        .orElseThrow().distraction());
            }
            int n = lang.getValue().size();
            out.append(String.format(Locale.ROOT, "%-4s  %7.3f  %7.3f  %7.3f%n", lang.getKey(), en / n, target / n,
                    raw / n));
            assertThat(en / n).as(lang.getKey() + " English").isCloseTo(
                    PaperResults.TABLE.response(lang.getKey(), true), org.assertj.core.data.Offset.offset(0.002));
            assertThat(target / n).as(lang.getKey() + " target").isCloseTo(
                    PaperResults.TABLE.response(lang.getKey(), false), org.assertj.core.data.Offset.offset(0.002));
        }
        System.out.println(out);
    }

    private static double response(int chars) {
        return Math.min(1.0, chars / (double) SimProfile.FULL_DISTRACTION_CHARS);
    }
}

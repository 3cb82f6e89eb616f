package dev.clp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.model.spi.Questions;
import dev.clp.scoring.Calibration;
import dev.clp.suite.Pair;
import dev.clp.suite.Perturbation;
import dev.clp.suite.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every shipped profile against the committed table of the paper's figures ({@code paper-results.json}), for all 16
 * languages, without the dataset: on a synthetic suite per language with the published number of pairs, the published
 * cluster sizes (for the four languages whose pairs are not published, clusters of the published mean size) and, on
 * every pair, the distraction whose response is the published pairs' mean. What it checks is the profiles' arithmetic
 * (the full-distraction figure derived from the paper's and the mean response) and the balanced draws; the published
 * pairs themselves are {@link PublishedProfilesTest}'s.
 */
class CommittedTableTest {

    @Test
    void everyProfileMatchesTheCommittedPaperFiguresOnASuiteShapedLikeThePublishedOne() {
        Map<String, List<Pair>> suites = new LinkedHashMap<>();
        Map<String, int[]> sizes = Calibration.Shape.published().clusterSizes();
        PaperResults.TABLE.languages().forEach((lang, l) -> suites.put(lang, suite(lang, l.pairs(), sizes.get(lang))));
        Questions questions = new Questions();
        suites.values().forEach(ps -> ps.forEach(questions::add));
        AnswerKey key = AnswerKey.of(questions);
        List<String> profiles = ProfileTable.profiles();
        ProfileTable table = new ProfileTable("synthetic suites shaped like the published pairs (committed table)");
        List<String> misses = new ArrayList<>();
        for (String name : profiles) {
            SimProfile profile = SimProfile.named(name);
            SimulatedModel sim = new SimulatedModel(profile, key, List.of());
            suites.forEach((lang, pairs) -> {
                double en = ProfileTable.accuracy(sim, pairs, true);
                double target = ProfileTable.accuracy(sim, pairs, false);
                table.put(name, lang, en, target, profile);
                misses.addAll(table.misses(name, lang, profile, en, target));
            });
        }
        System.out.println(table.render(profiles, suites.keySet()));
        assertThat(misses).as("profiles more than 3 points off the committed paper figures").isEmpty();
    }

    @Test
    void aProfileOfThePaperIsThePaperOnEveryLanguage() {
        SimProfile gpt4o = SimProfile.named("gpt-4o");
        // the paper's counts: Chinese 228 of 342 right, English on those pairs 331; Zulu 517 of 711
        assertThat(gpt4o.published("zh", "zh")).isEqualTo(228 / 342.0);
        assertThat(gpt4o.published("en", "zh")).isEqualTo(331 / 342.0);
        assertThat(gpt4o.published("zu", "zu")).isEqualTo(517 / 711.0);
        assertThat(SimProfile.named("gpt-4o-regressed").published("sw", "sw"))
                .isCloseTo(gpt4o.published("sw", "sw") - 0.25, org.assertj.core.data.Offset.offset(1e-9));
        for (String name : List.of("qwen-2.5-72b", "gemma-2-27b", "claude-3.5-sonnet")) {
            assertThat(SimProfile.names()).contains(name);
        }
        // below the full-distraction figure at no distraction, the plain question is easier
        assertThat(gpt4o.accuracy("zh", "zh", 0)).isGreaterThan(gpt4o.accuracy("zh", "zh", 300));
        assertThat(gpt4o.full("zh", "zh")).isLessThan(gpt4o.published("zh", "zh"));
    }

    /** Pairs in clusters of the given sizes, each side with a distraction of the language's mean response. */
    static List<Pair> suite(String lang, int pairs, int[] clusterSizes) {
        int[] sizes = clusterSizes != null ? clusterSizes : evenSizes(pairs, 7);
        int en = distraction(lang, true);
        int target = distraction(lang, false);
        List<Pair> out = new ArrayList<>();
        int made = 0;
        for (int c = 0; c < sizes.length && made < pairs; c++) {
            for (int k = 0; k < sizes[c] && made < pairs; k++, made++) {
                // both sides' questions of one length: the target's English-equivalent distraction is its own
                String original = String.format(Locale.ROOT, "[en] Which of these is thing %d of %s?", c, lang);
                String tOriginal = "[" + lang + "]" + original.substring(4);
                String pre = filler("distraction " + k + " ", en);
                String tPre = filler("[" + lang + "] distraction " + k + " ", target);
                List<String> choices = List.of(c + " A", c + " B", c + " C", c + " D");
                List<String> tChoices = choices.stream().map(x -> lang + " " + x).toList();
                int answer = (c + k) % 4;
                out.add(new Pair(lang + "-" + c + "-" + k, lang, "synthetic", null,
                        new Side(pre + original, choices, answer), new Side(tPre + tOriginal, tChoices, answer),
                        new Perturbation(new Perturbation.Part(original, pre, ""),
                                new Perturbation.Part(tOriginal, tPre, ""), 1), Map.of()));
            }
        }
        return out;
    }

    /** Characters of distraction whose response is the language's published mean on that side. */
    static int distraction(String lang, boolean english) {
        return (int) Math.round(PaperResults.TABLE.response(lang, english) * SimProfile.FULL_DISTRACTION_CHARS);
    }

    private static int[] evenSizes(int pairs, int size) {
        int[] s = new int[(pairs + size - 1) / size];
        java.util.Arrays.fill(s, size);
        return s;
    }

    private static String filler(String start, int length) {
        StringBuilder b = new StringBuilder(start);
        while (b.length() < length) {
            b.append("and so on ");
        }
        return b.substring(0, length);
    }
}

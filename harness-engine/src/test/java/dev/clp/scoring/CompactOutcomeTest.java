package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.suite.Pair;
import dev.clp.testing.SuiteFixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The gates decide from compact outcomes exactly what they decide from the outcomes they came from. */
class CompactOutcomeTest {

    private static final String[] ANSWERS = {"A", "B", "C", "D", "I cannot answer that", "Answer: B", "(c)"};

    private static SideResult side(String lang, Pair pair, Random random, int samples) {
        List<String> choices = (lang.equals("en") ? pair.en() : pair.target()).choices();
        int expected = (lang.equals("en") ? pair.en() : pair.target()).answer();
        List<String> answers = new ArrayList<>();
        List<Extraction> extractions = new ArrayList<>();
        for (int k = 0; k < samples; k++) {
            // mostly right, sometimes another letter, sometimes unreadable
            String a = random.nextDouble() < 0.6 ? String.valueOf((char) ('A' + expected))
                    : ANSWERS[random.nextInt(ANSWERS.length)];
            answers.add(a);
            extractions.add(AnswerExtractor.extract(lang, a, choices));
        }
        return new SideResult(lang, "prompt " + pair.id(), answers, extractions, expected);
    }

    private static PairOutcome outcome(Pair p, Random random, int samples) {
        double roll = random.nextDouble();
        if (roll < 0.03) {
            return new PairOutcome.Error(p, p.lang(), "HTTP 503 from http://127.0.0.1/v1");
        }
        if (roll < 0.05) {
            return new PairOutcome.NotRun(p, "budget spent");
        }
        SideResult en = side("en", p, random, samples);
        SideResult t = side(p.lang(), p, random, samples);
        if (en.unparseable()) {
            return new PairOutcome.Unparseable(p, en, t, "en", "unparseable");
        }
        if (!en.correct()) {
            return new PairOutcome.NotApplicable(p, en, t);
        }
        if (t.unparseable()) {
            return new PairOutcome.Unparseable(p, en, t, p.lang(), "unparseable");
        }
        return t.correct() ? new PairOutcome.Consistent(p, en, t) : new PairOutcome.Weak(p, en, t);
    }

    @Test
    void gatesDecideTheSameFromCompactOutcomes() {
        for (int samples : new int[] {1, 3}) {
            Random random = new Random(17 + samples);
            List<RunGates.LanguageOutcomes> full = new ArrayList<>();
            List<RunGates.LanguageOutcomes> compact = new ArrayList<>();
            Map<String, Baseline.PairResult> before = new HashMap<>();
            CompactOutcome.Shared shared = new CompactOutcome.Shared();
            for (String lang : new String[] {"sw", "yo", "zh"}) {
                List<PairOutcome> outcomes = new ArrayList<>();
                for (int i = 0; i < 240; i++) {
                    // several pairs per source question: the clusters must survive compaction
                    Pair p = SuiteFixtures.pair(lang, "  source question " + (i / 4) + " variant " + (i % 4) + " ",
                            i % 4);
                    Pair clustered = new Pair(p.id(), p.lang(), p.source(), p.subject(), p.en(), p.target(),
                            new dev.clp.suite.Perturbation(new dev.clp.suite.Perturbation.Part(
                                    "  source question " + (i / 4) + " ", "noise ", null), null, 1), p.provenance());
                    outcomes.add(outcome(i % 2 == 0 ? clustered : p, random, samples));
                    if (i % 3 == 0) {
                        before.put(p.id(), new Baseline.PairResult(lang, i % 6 == 0 ? "weak" : "consistent",
                                1.0, i % 6 == 0 ? 0.0 : 1.0));
                    }
                }
                full.add(new RunGates.LanguageOutcomes("s", lang, outcomes));
                compact.add(new RunGates.LanguageOutcomes("s", lang,
                        outcomes.stream().map(o -> CompactOutcome.of(o, shared)).toList()));
            }
            Baseline baseline = new Baseline("sim:gpt-4o", "2026-11-30", samples, 0.0, Map.of("s", "1"),
                    Map.of("s", before));
            for (Baseline b : java.util.Arrays.asList(null, baseline)) {
                GatePolicy policy = GatePolicy.defaults(0.10);
                List<LanguageSummary> expected = RunGates.evaluate(full, policy, b);
                List<LanguageSummary> actual = RunGates.evaluate(compact, policy, b);
                // every figure, verdict and message (GapStatistics has no toString: its figures are compared below)
                // equal to 12 significant digits: the order in which a sum visits the pairs may differ in the last bit
                assertThat(rounded(actual.toString().replaceAll("GapStatistics@\\w+", "")))
                        .isEqualTo(rounded(expected.toString().replaceAll("GapStatistics@\\w+", "")));
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(actual.get(i).stats()).usingRecursiveComparison(dev.clp.testing.LastBits.comparison())
                            .isEqualTo(expected.get(i).stats());
                }
                assertThat(RunGates.evaluate(full, policy, b)).allSatisfy(l -> {
                    assertThat(l.weak()).isPositive();
                    assertThat(l.unparseable() + l.flaky()).isPositive();
                    assertThat(l.stats().clusters()).isLessThan(l.stats().n());
                });
            }
        }
    }

    /**
     * A run hands the gates some outcomes whole (those that came back before the pair's test asked, eager start) and
     * the rest compacted: a source question's pairs are one cluster either way, so a question is never split in two
     * and the cluster-robust variance is not understated.
     */
    @Test
    void aCompactOutcomeIsInItsPairsCluster() {
        CompactOutcome.Shared shared = new CompactOutcome.Shared();
        Random random = new Random(5);
        List<PairOutcome> mixed = new ArrayList<>();
        List<PairOutcome> whole = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Pair p = SuiteFixtures.pair("sw", "source question " + (i / 4), i % 4);
            PairOutcome o = outcome(p, random, 1);
            assertThat(RunGates.cluster(CompactOutcome.of(o, shared).pair())).as(p.id()).isEqualTo(RunGates.cluster(p));
            whole.add(o);
            mixed.add(i % 3 == 0 ? o : CompactOutcome.of(o, shared));
        }
        GatePolicy policy = GatePolicy.defaults(0.10);
        LanguageSummary expected = RunGates.evaluate(List.of(new RunGates.LanguageOutcomes("s", "sw", whole)), policy,
                null).get(0);
        LanguageSummary actual = RunGates.evaluate(List.of(new RunGates.LanguageOutcomes("s", "sw", mixed)), policy,
                null).get(0);
        assertThat(actual.stats().clusters()).isEqualTo(expected.stats().clusters()).isEqualTo(30);
        assertThat(actual.stats()).usingRecursiveComparison(dev.clp.testing.LastBits.comparison())
                .isEqualTo(expected.stats());
    }

    /**
     * What is the same for many pairs' compact outcomes (a side's extractions and right index, the empty target side)
     * is one object for all of them, so that a 50,000-pair run does not keep 50,000 copies of each (issue 17.3).
     */
    @Test
    void pairsWithTheSameResultsShareTheirCompactParts() {
        CompactOutcome.Shared shared = new CompactOutcome.Shared();
        List<PairOutcome> compact = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Pair p = SuiteFixtures.pair("sw", "question " + i, 1);
            SideResult en = new SideResult("en", "prompt " + i, List.of("B" + i),
                    List.of(new Extraction.Choice(1, "label")), 1);
            SideResult target = new SideResult("sw", "prompt sw " + i, List.of("C" + i),
                    List.of(new Extraction.Choice(2, "label")), 1);
            compact.add(CompactOutcome.of(new PairOutcome.Weak(p, en, target), shared));
        }
        PairOutcome.Weak first = (PairOutcome.Weak) compact.get(0);
        for (PairOutcome o : compact) {
            PairOutcome.Weak w = (PairOutcome.Weak) o;
            assertThat(w.en()).isSameAs(first.en());
            assertThat(w.target()).isSameAs(first.target());
            assertThat(w.pair().target()).isSameAs(first.pair().target());
        }
        // what differs stays apart: the pairs and their clusters
        assertThat(compact.get(1).pair().id()).isNotEqualTo(first.pair().id());
        assertThat(RunGates.cluster(compact.get(1).pair())).isNotEqualTo(RunGates.cluster(first.pair()));
        assertThat(first.en().correct()).isTrue();
        assertThat(first.target().chosenLetter()).isEqualTo("C");
    }

    /**
     * What the compact outcomes of a run share holds nothing per source question: a run keeps a compact outcome only
     * until its pair's test or the gates have it (the gates then read the cluster as a number from the prefetcher's
     * columns), while a map of cluster texts would keep one entry a source question for the whole run, one a pair in a
     * suite whose pairs have questions of their own (issue 17.3).
     */
    @Test
    void theSharedPartsHoldNothingPerSourceQuestion() throws Exception {
        CompactOutcome.Shared shared = new CompactOutcome.Shared();
        for (int i = 0; i < 50; i++) {
            Pair p = SuiteFixtures.pair("sw", "question " + i, 1);
            SideResult en = new SideResult("en", "prompt " + i, List.of("B"), List.of(new Extraction.Choice(1, "label")),
                    1);
            SideResult target = new SideResult("sw", "prompt sw " + i, List.of("C"),
                    List.of(new Extraction.Choice(2, "label")), 1);
            PairOutcome compact = CompactOutcome.of(new PairOutcome.Weak(p, en, target), shared);
            assertThat(RunGates.cluster(compact.pair())).as("the cluster survives compaction")
                    .isEqualTo(RunGates.cluster(CompactOutcome.of(new PairOutcome.Weak(p, en, target),
                            new CompactOutcome.Shared()).pair()));
        }
        int kept = 0;
        for (java.lang.reflect.Field f : CompactOutcome.Shared.class.getDeclaredFields()) {
            if (java.util.Map.class.isAssignableFrom(f.getType())) {
                f.setAccessible(true);
                kept += ((java.util.Map<?, ?>) f.get(shared)).size();
            }
        }
        assertThat(kept).as("entries kept for 50 pairs of 50 source questions (languages, source, two sides)")
                .isLessThanOrEqualTo(6);
    }

    private static String rounded(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, String.format(java.util.Locale.ROOT, "%.12g", Double.parseDouble(m.group())));
        }
        return m.appendTail(out).toString();
    }
}

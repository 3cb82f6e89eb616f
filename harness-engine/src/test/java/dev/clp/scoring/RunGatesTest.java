package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.suite.Pair;
import dev.clp.testing.SuiteFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The gates' final outcomes, from outcomes built by hand: what a run must never pass on. */
class RunGatesTest {

    private static final GatePolicy POLICY = GatePolicy.defaults(0.10);

    private static Pair pair(String lang, int i) {
        return SuiteFixtures.pair(lang, "q" + i, i % 4);
    }

    private static SideResult side(String lang, Pair pair, String answer) {
        List<String> choices = (lang.equals("en") ? pair.en() : pair.target()).choices();
        int expected = (lang.equals("en") ? pair.en() : pair.target()).answer();
        return new SideResult(lang, "prompt", List.of(answer), List.of(AnswerExtractor.extract(lang, answer, choices)),
                expected);
    }

    private static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /** The evaluator's classification of two answers. */
    private static PairOutcome outcome(Pair p, String english, String target) {
        SideResult en = side("en", p, english);
        SideResult t = side(p.lang(), p, target);
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

    private static LanguageSummary only(List<PairOutcome> outcomes, GatePolicy policy, Baseline baseline) {
        return RunGates.evaluate(List.of(new RunGates.LanguageOutcomes("s", outcomes.get(0).pair().lang(), outcomes)),
                policy, baseline).get(0);
    }

    @Nested
    class AModelThatDoesNotAnswerInTheTargetLanguage {

        @Test
        void failsItsGapGateAndItsCoverageGateNamingTheUnreadableAnswers() {
            List<PairOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Pair p = pair("sw", i);
                outcomes.add(outcome(p, letter(p.en().answer()), "Samahani, siwezi kusema kwa uhakika."));
            }
            LanguageSummary s = only(outcomes, POLICY, null);
            assertThat(s.stats().n()).isEqualTo(300);
            assertThat(s.stats().secondAccuracy()).isZero();
            GateResult gap = s.result(GateResult.Kind.GAP);
            assertThat(gap.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(gap.fails()).isTrue();
            GateResult coverage = s.result(GateResult.Kind.COVERAGE);
            assertThat(coverage.fails()).isTrue();
            assertThat(coverage.message()).contains("0 of 300 pairs").contains("300 Swahili answers unreadable")
                    .contains("clp.gate.min-answered");
            assertThat(s.failed()).isTrue();
        }

        @Test
        void evenWhenItsEnglishAnswersAreUnreadableToo() {
            List<PairOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                outcomes.add(outcome(pair("yo", i), "I cannot say.", "Ma binu."));
            }
            LanguageSummary s = only(outcomes, POLICY, null);
            // no readable answer on either side: the gap cannot see it, the coverage gate must
            assertThat(s.result(GateResult.Kind.COVERAGE).fails()).isTrue();
            assertThat(s.result(GateResult.Kind.COVERAGE).message()).contains("100 English and 100 Yoruba");
        }
    }

    @Test
    void aLanguageWithNoAnsweredPairFailsUnlessAllowedDeliberately() {
        List<PairOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(new PairOutcome.Error(pair("zu", i), "zu", "cannot connect to http://127.0.0.1:9/v1"));
        }
        LanguageSummary s = only(outcomes, POLICY, null);
        assertThat(s.result(GateResult.Kind.GAP).verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(s.result(GateResult.Kind.GAP).fails()).isTrue();
        assertThat(s.result(GateResult.Kind.COVERAGE).message()).contains("20 errors").contains("endpoint");
        GatePolicy allowed = new GatePolicy(l -> 0.10, 0, 0.01, 0.0, 0.9, false, false);
        assertThat(only(outcomes, allowed, null).failed()).isFalse();
    }

    @Test
    void pairsCutByTheBudgetCountAgainstCoverage() {
        List<PairOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Pair p = pair("de", i);
            outcomes.add(i < 50 ? outcome(p, letter(p.en().answer()), letter(p.target().answer()))
                    : new PairOutcome.NotRun(p, "budget: clp.budget.max-calls=100 spent"));
        }
        LanguageSummary s = only(outcomes, POLICY, null);
        assertThat(s.coverage().share()).isEqualTo(0.5);
        assertThat(s.result(GateResult.Kind.COVERAGE).fails()).isTrue();
        assertThat(s.result(GateResult.Kind.COVERAGE).message()).contains("50 not run").contains("budget");
    }

    @Test
    void aBaselineThatDoesNotCoverTheSuitesPairsFailsTheRegressionGate() {
        List<PairOutcome> outcomes = new ArrayList<>();
        Map<String, Baseline.PairResult> recorded = new java.util.TreeMap<>();
        for (int i = 0; i < 100; i++) {
            Pair p = pair("hi", i);
            outcomes.add(outcome(p, letter(p.en().answer()), letter(p.target().answer())));
            if (i < 40) {
                recorded.put(p.id(), new Baseline.PairResult("hi", "consistent", 1.0, 1.0));
            }
        }
        Baseline partial = new Baseline("sim:gpt-4o", "2026-11-30", 1, 0.0, Map.of("s", "1"), Map.of("s", recorded));
        GateResult regression = only(outcomes, POLICY, partial).result(GateResult.Kind.REGRESSION);
        assertThat(regression.fails()).isTrue();
        assertThat(regression.message()).contains("40 of the 100 pairs").contains("clp.gate.min-baseline-coverage");
        Baseline other = new Baseline("sim:gpt-4o", "2026-11-30", 1, 0.0, Map.of("other", "1"), Map.of());
        assertThat(only(outcomes, POLICY, other).result(GateResult.Kind.REGRESSION).message())
                .contains("no results for suite s");
    }

    @Test
    void aSuiteTooSmallToConvictFailsItsInconclusiveGateUnlessAllowed() {
        // 12 pairs with a large observed gap: neither FAIL nor PASS, and a gap twice the threshold would go unseen
        List<PairOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Pair p = pair("yo", i);
            outcomes.add(outcome(p, letter(p.en().answer()), letter(i % 3 == 0 ? (p.target().answer() + 1) % 4
                    : p.target().answer())));
        }
        GateResult gap = only(outcomes, POLICY, null).result(GateResult.Kind.GAP);
        assertThat(gap.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(gap.underpowered()).isTrue();
        assertThat(gap.fails()).isTrue();
        assertThat(gap.message()).contains("underpowered").contains("clp.gate.allow-underpowered=true");
        GatePolicy allowed = new GatePolicy(l -> 0.10, 0, 0.01, 0.9, 0.9, true, false);
        assertThat(only(outcomes, allowed, null).result(GateResult.Kind.GAP).fails()).isFalse();
    }

    @Test
    void unreadableEnglishAnswersCannotMakeAGapPass() {
        // true gap 13 points (English 95 %, target 82 %), but 95 English answers that would have been right are
        // unreadable: counted as wrong they make the gap look like 3.5 points; coverage still reaches 90.5 %
        List<PairOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Pair p = pair("it", i);
            String english = i < 95 ? "Hmm, let me think about it." : i < 950 ? letter(p.en().answer())
                    : letter((p.en().answer() + 1) % 4);
            String target = i >= 180 ? letter(p.target().answer()) : letter((p.target().answer() + 1) % 4);
            outcomes.add(outcome(p, english, target));
        }
        LanguageSummary s = only(outcomes, POLICY, null);
        assertThat(s.coverage().share()).isGreaterThanOrEqualTo(0.90);
        assertThat(s.result(GateResult.Kind.GAP).verdict()).isNotEqualTo(Verdict.PASS);
    }

    @Test
    void aWellAnsweredLanguagePassesEveryGate() {
        List<PairOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Pair p = pair("fr", i);
            outcomes.add(outcome(p, letter(p.en().answer()), letter(p.target().answer())));
        }
        LanguageSummary s = only(outcomes, POLICY, null);
        assertThat(s.results()).extracting(GateResult::verdict).containsExactly(Verdict.PASS, Verdict.PASS);
        assertThat(s.failed()).isFalse();
    }
}

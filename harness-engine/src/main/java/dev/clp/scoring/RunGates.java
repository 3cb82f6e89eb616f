package dev.clp.scoring;

import dev.clp.suite.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Turns a run's outcomes into language summaries: per language the gap gate and, with a baseline, the
 * regression gate, decided together as one family ({@link GateFamily}).
 */
public final class RunGates {

    private RunGates() {
    }

    /** The outcomes of one language of one suite, in suite order. */
    public record LanguageOutcomes(String suite, String lang, List<PairOutcome> outcomes) {
    }

    /**
     * @param maxGap allowed gap per language
     * @param tolerance allowed regression against the baseline
     * @param alpha family error rate of the run's gates
     * @param baseline may be null
     */
    public static List<LanguageSummary> evaluate(List<LanguageOutcomes> languages, ToDoubleFunction<String> maxGap,
            double tolerance, double alpha, Baseline baseline) {
        List<GateFamily.Input> inputs = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        for (LanguageOutcomes lo : languages) {
            List<GapStatistics.Graded> gap = new ArrayList<>();
            List<GapStatistics.Graded> regression = new ArrayList<>();
            int[] c = new int[8];
            for (PairOutcome o : lo.outcomes()) {
                Optional<Baseline.PairResult> before = baseline == null ? Optional.empty()
                        : baseline.pair(lo.suite(), o.pair().id());
                if (o instanceof PairOutcome.Graded g) {
                    gap.add(new GapStatistics.Graded(g.en().correctShare(), g.target().correctShare(), cluster(o.pair())));
                    if (before.isPresent() && before.get().graded()) {
                        regression.add(new GapStatistics.Graded(before.get().target(), g.target().correctShare(),
                                cluster(o.pair())));
                    }
                    if (g.flaky()) {
                        c[6]++;
                    }
                }
                if (o instanceof PairOutcome.Consistent) {
                    c[0]++;
                } else if (o instanceof PairOutcome.Weak) {
                    c[1]++;
                    if (before.map(Baseline.PairResult::weak).orElse(false)) {
                        c[2]++;
                    }
                } else if (o instanceof PairOutcome.NotApplicable) {
                    c[3]++;
                } else if (o instanceof PairOutcome.Unparseable) {
                    c[4]++;
                } else if (o instanceof PairOutcome.NotRun) {
                    c[7]++;
                } else {
                    c[5]++;
                }
            }
            counts.add(c);
            inputs.add(new GateFamily.Input(lo.suite(), lo.lang(), GateFamily.Kind.GAP, GapStatistics.of(gap),
                    maxGap.applyAsDouble(lo.lang())));
            if (baseline != null && baseline.suites().containsKey(lo.suite())) {
                inputs.add(new GateFamily.Input(lo.suite(), lo.lang(), GateFamily.Kind.REGRESSION,
                        GapStatistics.of(regression), tolerance));
            }
        }
        List<GateFamily.Decision> decisions = GateFamily.decide(inputs, alpha);
        List<LanguageSummary> out = new ArrayList<>();
        int d = 0;
        for (int i = 0; i < languages.size(); i++) {
            LanguageOutcomes lo = languages.get(i);
            GateFamily.Decision gap = decisions.get(d++);
            GateFamily.Decision regression = null;
            if (d < decisions.size() && decisions.get(d).input().kind() == GateFamily.Kind.REGRESSION
                    && decisions.get(d).input().lang().equals(lo.lang()) && decisions.get(d).input().suite().equals(lo.suite())) {
                regression = decisions.get(d++);
            }
            int[] c = counts.get(i);
            out.add(new LanguageSummary(lo.suite(), lo.lang(), lo.outcomes().size(), c[0], c[1], c[2], c[3], c[4], c[5],
                    c[7], c[6], gap.input().threshold(), gap, regression));
        }
        return out;
    }

    /** The source question a pair belongs to: several perturbations of one question are one cluster. */
    static String cluster(Pair pair) {
        if (pair.perturbation() != null && pair.perturbation().en() != null
                && pair.perturbation().en().original() != null) {
            return pair.perturbation().en().original().strip();
        }
        return pair.en().question().strip();
    }
}

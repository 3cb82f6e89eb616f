package dev.clp.scoring;

import static dev.clp.config.ClpConstants.GATE_ALLOW_UNDERPOWERED;
import static dev.clp.config.ClpConstants.GATE_ALPHA;
import static dev.clp.config.ClpConstants.GATE_INCONCLUSIVE;
import static dev.clp.config.ClpConstants.GATE_MAX_GAP;
import static dev.clp.config.ClpConstants.GATE_MIN_ANSWERED;
import static dev.clp.config.ClpConstants.GATE_MIN_BASELINE_COVERAGE;
import static dev.clp.config.ClpConstants.GATE_TOLERANCE;

import dev.clp.suite.Languages;
import dev.clp.suite.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Turns a run's outcomes into language summaries: per language the coverage gate, the gap gate and, with a
 * baseline, the regression gate. The gap and regression gates are decided together as one family
 * ({@link GateFamily}); every gate's final outcome, with the message that explains it, is decided here.
 *
 * <p>Grading: each side's correct share counts an unreadable answer as not correct, so the gap is English accuracy
 * minus target accuracy over every pair the model answered on both sides. An unreadable English answer is a wrong
 * English answer: it lowers English accuracy and so the gap, and it counts against coverage, so a model that answers
 * nothing readable in either language fails the coverage gate instead of passing the gap gate.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunGates {

    private RunGates() {
    }

    /** The outcomes of one language of one suite, in suite order. */
    public record LanguageOutcomes(String suite, String lang, List<PairOutcome> outcomes) {
    }

    /**
     * What the gates read of one pair's outcome, from a {@link PairOutcome} in a run or from {@code run.json}'s pair
     * result in {@code clp merge}, so that both decide through the same code.
     *
     * @param id the pair id (the baseline's key)
     * @param cluster the source question it belongs to ({@link #cluster})
     * @param kind the outcome's {@link PairOutcome#kind}
     * @param answered both sides were answered (graded or unparseable): the pair is in the statistics
     * @param english the English side's correct share
     * @param englishIfUnreadableRight the English side's correct share with unreadable samples taken as right
     * @param target the target side's correct share
     */
    public record Scored(String id, String cluster, String kind, boolean answered, double english,
            double englishIfUnreadableRight, double target, boolean englishReadable, boolean targetReadable,
            boolean flaky) {

        /** What the gates read of a run's outcome. */
        public static Scored of(PairOutcome o) {
            boolean flaky = o instanceof PairOutcome.Graded g && g.flaky();
            if (o instanceof PairOutcome.Answered a) {
                return new Scored(o.pair().id(), RunGates.cluster(o.pair()), o.kind(), true, a.en().correctShare(),
                        a.en().correctShareIfUnreadableRight(), a.target().correctShare(), a.en().readable(),
                        a.target().readable(), flaky);
            }
            return new Scored(o.pair().id(), RunGates.cluster(o.pair()), o.kind(), false, 0, 0, 0, false, false, false);
        }
    }

    /** The scored pairs of one language of one suite. */
    public record LanguageScores(String suite, String lang, List<Scored> pairs) {
    }

    /** @param baseline may be null */
    public static List<LanguageSummary> evaluate(List<LanguageOutcomes> languages, GatePolicy policy,
            Baseline baseline) {
        return decide(languages.stream().map(lo -> new LanguageScores(lo.suite(), lo.lang(),
                lo.outcomes().stream().map(Scored::of).toList())).toList(), policy, baseline);
    }

    /**
     * Decides every gate of the languages as one family. The pairs of a language are taken in the order of their ids,
     * so that any split of them (shards merged by {@code clp merge}) gives the same figures to the last bit.
     *
     * @param baseline may be null
     */
    public static List<LanguageSummary> decide(List<LanguageScores> languages, GatePolicy policy,
            Baseline baseline) {
        List<GateFamily.Input> inputs = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<LanguageSummary.Coverage> coverages = new ArrayList<>();
        for (LanguageScores lo : languages) {
            List<GapStatistics.Graded> gap = new ArrayList<>();
            List<GapStatistics.Graded> gapIfUnreadableEnglishRight = new ArrayList<>();
            List<GapStatistics.Graded> regression = new ArrayList<>();
            int[] c = new int[8];
            int covered = 0;
            int unreadableEnglish = 0;
            int unreadableTarget = 0;
            int baselinePairs = 0;
            boolean hasBaseline = baseline != null && baseline.suites().containsKey(lo.suite());
            List<Scored> sorted = new ArrayList<>(lo.pairs());
            sorted.sort(java.util.Comparator.comparing(Scored::id));
            for (Scored o : sorted) {
                Optional<Baseline.PairResult> before = hasBaseline ? baseline.pair(lo.suite(), o.id())
                        : Optional.empty();
                if (before.isPresent() && before.get().graded()) {
                    baselinePairs++;
                }
                if (o.answered()) {
                    String cluster = o.cluster();
                    gap.add(new GapStatistics.Graded(o.english(), o.target(), cluster));
                    gapIfUnreadableEnglishRight.add(new GapStatistics.Graded(o.englishIfUnreadableRight(),
                            o.target(), cluster));
                    if (before.isPresent() && before.get().graded()) {
                        regression.add(new GapStatistics.Graded(before.get().target(), o.target(), cluster));
                    }
                    unreadableEnglish += o.englishReadable() ? 0 : 1;
                    unreadableTarget += o.targetReadable() ? 0 : 1;
                    covered += o.englishReadable() && o.targetReadable() ? 1 : 0;
                }
                if (o.flaky()) {
                    c[6]++;
                }
                switch (o.kind()) {
                    case "consistent" -> c[0]++;
                    case "weak" -> {
                        c[1]++;
                        if (before.map(Baseline.PairResult::weak).orElse(false)) {
                            c[2]++;
                        }
                    }
                    case "not-applicable" -> c[3]++;
                    case "unparseable" -> c[4]++;
                    case "not-run" -> c[7]++;
                    default -> c[5]++;
                }
            }
            counts.add(c);
            coverages.add(new LanguageSummary.Coverage(lo.pairs().size(), covered, unreadableEnglish,
                    unreadableTarget, c[5], c[7], hasBaseline ? baselinePairs : (baseline != null ? 0 : -1)));
            double maxGap = policy.maxGap().applyAsDouble(lo.lang());
            // a FAIL counts an unreadable English answer as wrong (it lowers the gap), a PASS as right (it raises it):
            // neither verdict rests on answers nobody could read
            inputs.add(new GateFamily.Input(lo.suite(), lo.lang(), GateFamily.Kind.GAP, GapStatistics.of(gap), maxGap,
                    maxGap, GapStatistics.of(gapIfUnreadableEnglishRight)));
            if (baseline != null) {
                inputs.add(new GateFamily.Input(lo.suite(), lo.lang(), GateFamily.Kind.REGRESSION,
                        GapStatistics.of(regression), policy.tolerance(), maxGap));
            }
        }
        List<GateFamily.Decision> decisions = GateFamily.decide(inputs, policy.alpha());
        List<LanguageSummary> out = new ArrayList<>();
        int d = 0;
        for (int i = 0; i < languages.size(); i++) {
            LanguageScores lo = languages.get(i);
            GateFamily.Decision gap = decisions.get(d++);
            GateFamily.Decision regression = baseline != null ? decisions.get(d++) : null;
            LanguageSummary.Coverage coverage = coverages.get(i);
            List<GateResult> results = new ArrayList<>(3);
            results.add(coverageResult(lo, coverage, policy));
            results.add(statisticalResult(lo, gap, coverage, policy));
            if (regression != null) {
                results.add(regressionResult(lo, regression, coverage, policy, baseline));
            }
            int[] c = counts.get(i);
            out.add(new LanguageSummary(lo.suite(), lo.lang(), lo.pairs().size(), c[0], c[1], c[2], c[3], c[4], c[5],
                    c[7], c[6], gap.input().threshold(), gap, regression, coverage, results));
        }
        return out;
    }

    private static GateResult coverageResult(LanguageScores lo, LanguageSummary.Coverage c, GatePolicy policy) {
        boolean fails = c.share() < policy.minAnswered();
        String figures = String.format(Locale.ROOT, "[lang=%s] %s coverage: %d of %d pairs (%.1f%%) answered readably "
                + "on both sides, minimum %.0f%% (%s)", lo.lang(), Languages.name(lo.lang()), c.covered(),
                c.pairs(), c.share() * 100, policy.minAnswered() * 100, GATE_MIN_ANSWERED);
        String missing = String.format(Locale.ROOT, "; %d English and %d %s answers unreadable, %d errors, %d not run",
                c.unreadableEnglish(), c.unreadableTarget(), Languages.name(lo.lang()), c.errors(), c.notRun());
        if (!fails) {
            return new GateResult(GateResult.Kind.COVERAGE, Verdict.PASS, false, false, figures + missing + " → PASS");
        }
        StringBuilder why = new StringBuilder(figures).append(missing).append(" → FAIL: the run did not measure this "
                + "language");
        if (c.unreadableTarget() > 0 || c.unreadableEnglish() > 0) {
            why.append("; read the raw answers in run.json (unreadable answers count as wrong in the gap)");
        }
        if (c.errors() > 0) {
            why.append("; the errors name the endpoint");
        }
        if (c.notRun() > 0) {
            why.append("; the budget (clp.budget.*) ran out before these pairs");
        }
        why.append("; to accept it deliberately, lower ").append(GATE_MIN_ANSWERED);
        return new GateResult(GateResult.Kind.COVERAGE, Verdict.FAIL, true, false, why.toString());
    }

    private static GateResult statisticalResult(LanguageScores lo, GateFamily.Decision d,
            LanguageSummary.Coverage coverage, GatePolicy policy) {
        GateResult.Kind kind = GateResult.Kind.GAP;
        String figures = describe(lo, d);
        if (d.verdict() == Verdict.NO_DATA) {
            boolean fails = policy.minAnswered() > 0;
            return new GateResult(kind, Verdict.NO_DATA, fails, false, String.format(Locale.ROOT,
                    "[lang=%s] %s gap: no pair was answered on both sides (%d errors, %d not run) → NO_DATA%s",
                    lo.lang(), Languages.name(lo.lang()), coverage.errors(), coverage.notRun(),
                    fails ? ": a run never passes on what it did not measure (" + GATE_MIN_ANSWERED + "=0 allows it)" : ""));
        }
        return decided(kind, d, figures, policy, " (Holm-adjusted p at most " + GATE_ALPHA + ": the gap is above "
                + GATE_MAX_GAP + ")");
    }

    private static GateResult regressionResult(LanguageScores lo, GateFamily.Decision d,
            LanguageSummary.Coverage coverage, GatePolicy policy, Baseline baseline) {
        GateResult.Kind kind = GateResult.Kind.REGRESSION;
        double share = coverage.baselineShare();
        if (coverage.pairs() > 0 && share < policy.minBaselineCoverage()) {
            String what = baseline.suites().containsKey(lo.suite())
                    ? String.format(Locale.ROOT, "the baseline (%s) has answered results for %d of the %d pairs (%.1f%%), "
                            + "minimum %.0f%%", baseline.model(), coverage.baselinePairs(), coverage.pairs(), share * 100,
                            policy.minBaselineCoverage() * 100)
                    : "the baseline (" + baseline.model() + ") has no results for suite " + lo.suite();
            return new GateResult(kind, Verdict.NO_DATA, true, false, String.format(Locale.ROOT,
                    "[lang=%s] %s regression: %s → FAIL: a regression the baseline cannot see is not ruled out; "
                            + "record a baseline on this suite (clp baseline record), or lower %s to accept it",
                    lo.lang(), Languages.name(lo.lang()), what, GATE_MIN_BASELINE_COVERAGE));
        }
        if (d.verdict() == Verdict.NO_DATA) {
            return new GateResult(kind, Verdict.NO_DATA, policy.minAnswered() > 0, false, String.format(Locale.ROOT,
                    "[lang=%s] %s regression: no pair answered in both the baseline and this run → NO_DATA",
                    lo.lang(), Languages.name(lo.lang())));
        }
        return decided(kind, d, describe(lo, d), policy,
                " (Holm-adjusted p at most " + GATE_ALPHA + ": the candidate is worse than the baseline by more than "
                        + GATE_TOLERANCE + ")");
    }

    private static GateResult decided(GateResult.Kind kind, GateFamily.Decision d, String figures, GatePolicy policy,
            String failReason) {
        return switch (d.verdict()) {
            case FAIL -> new GateResult(kind, Verdict.FAIL, true, false, figures + failReason);
            case PASS -> new GateResult(kind, Verdict.PASS, false, false, figures);
            default -> {
                boolean underpowered = d.underpowered();
                String power = underpowered ? String.format(Locale.ROOT, "; underpowered: this suite detects a "
                        + "difference only %.1f points beyond the threshold (80%% power), more than the %.1f points it "
                        + "should; use a larger suite (the published pairs, clp import clp, or more languages' worth "
                        + "of pairs) or a larger threshold", d.minimumDetectableEffect() * 100,
                        d.input().detectable() * 100) : "";
                if (policy.inconclusiveFails()) {
                    yield new GateResult(kind, Verdict.INCONCLUSIVE, true, underpowered,
                            figures + power + " (" + GATE_INCONCLUSIVE + "=fail)");
                }
                if (underpowered && !policy.allowUnderpowered()) {
                    yield new GateResult(kind, Verdict.INCONCLUSIVE, true, true,
                            figures + power + ", or set " + GATE_ALLOW_UNDERPOWERED + "=true to accept it");
                }
                yield new GateResult(kind, Verdict.INCONCLUSIVE, false, underpowered, figures + power);
            }
        };
    }

    /** The gate's figures in one line. */
    static String describe(LanguageScores lo, GateFamily.Decision d) {
        GapStatistics st = d.input().stats();
        boolean gap = d.input().kind() == GateFamily.Kind.GAP;
        String what = gap
                ? String.format(Locale.ROOT, "English %.1f%%, target %.1f%%, gap %+.1f points", st.firstAccuracy() * 100,
                        st.secondAccuracy() * 100, st.difference() * 100)
                : String.format(Locale.ROOT, "baseline %.1f%%, candidate %.1f%%, regression %+.1f points",
                        st.firstAccuracy() * 100, st.secondAccuracy() * 100, st.difference() * 100);
        return String.format(Locale.ROOT,
                "[lang=%s] %s %s: n=%d in %d source questions, %s, %.2f%% bounds [%+.1f, %+.1f], threshold %.1f "
                        + "points, p=%.3g (Holm %.3g), MDE %.1f points → %s", lo.lang(),
                Languages.name(lo.lang()), gap ? "gap" : "regression", st.n(), st.clusters(), what,
                (1 - d.boundsAlpha()) * 100, d.lower() * 100, d.upper() * 100, d.input().threshold() * 100, d.pValue(),
                d.adjustedP(), d.minimumDetectableEffect() * 100, d.verdict());
    }


    /**
     * The source question a pair belongs to: several perturbations of one question are one cluster. It is the
     * question key of {@code run.json} ({@link dev.clp.suite.PairIds#question}: the original English question,
     * normalized for case and spacing), so that {@code clp merge} groups the pairs of shards exactly as a run does.
     */
    public static String cluster(Pair pair) {
        // a compact outcome's pair keeps its cluster instead of its question: hashing that again would put the pair
        // in a cluster of its own, apart from its question's pairs whose outcomes the gates were given whole
        return CompactOutcome.slim(pair) ? pair.en().question() : dev.clp.suite.PairIds.question(pair);
    }
}

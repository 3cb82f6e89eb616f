package dev.clp.scoring;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One language of one suite after a run: outcome counts and the decided gates.
 *
 * @param suite suite id
 * @param lang BCP 47 tag
 * @param pairs pairs run
 * @param consistent target right
 * @param weak English right, target wrong (known ones included)
 * @param knownWeak weak pairs that were weak in the baseline too
 * @param notApplicable English wrong
 * @param unparseable an answer could not be extracted (in the statistics as a wrong answer)
 * @param errors transport failures (not in the statistics; against coverage)
 * @param notRun pairs not asked because the run's budget was spent (not in the statistics; against coverage)
 * @param flaky pairs whose K samples disagreed
 * @param maxGap the allowed gap for this language
 * @param gap the gap gate's statistical decision
 * @param regression the regression gate's statistical decision, or null without a baseline for this language
 * @param coverage how much of the language was measured
 * @param results every gate of the language with its final outcome: coverage, gap and (with a baseline) regression
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LanguageSummary(String suite, String lang, int pairs, int consistent, int weak, int knownWeak,
        int notApplicable, int unparseable, int errors, int notRun, int flaky, double maxGap, GateFamily.Decision gap,
        GateFamily.Decision regression, Coverage coverage, List<GateResult> results) {

    public LanguageSummary {
        results = List.copyOf(results);
    }

    /**
     * How much of a language was measured.
     *
     * @param pairs pairs of the language in the run
     * @param covered pairs with a readable answer on both sides
     * @param unreadableEnglish pairs whose English answer (the majority of its samples) could not be read
     * @param unreadableTarget pairs whose target answer could not be read
     * @param errors pairs that ended in a transport error
     * @param notRun pairs not asked (budget)
     * @param baselinePairs pairs the baseline has an answered result for (-1 without a baseline)
     */
    public record Coverage(int pairs, int covered, int unreadableEnglish, int unreadableTarget, int errors, int notRun,
            int baselinePairs) {

        /** Share of the pairs with a readable answer on both sides; 0 for no pairs. */
        public double share() {
            return pairs == 0 ? 0.0 : covered / (double) pairs;
        }

        /** Share of the pairs the baseline covers; NaN without a baseline. */
        public double baselineShare() {
            return baselinePairs < 0 ? Double.NaN : pairs == 0 ? 0.0 : baselinePairs / (double) pairs;
        }
    }

    public GapStatistics stats() {
        return gap.input().stats();
    }

    public Verdict verdict() {
        return gap.verdict();
    }

    /** The result of one gate kind, or null when the language has none of that kind. */
    public GateResult result(GateResult.Kind kind) {
        return results.stream().filter(r -> r.kind() == kind).findFirst().orElse(null);
    }

    /** Whether any gate of the language fails the build. */
    public boolean failed() {
        return results.stream().anyMatch(GateResult::fails);
    }
}

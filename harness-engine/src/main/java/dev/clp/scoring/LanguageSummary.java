package dev.clp.scoring;

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
 * @param unparseable an answer could not be extracted (not in the statistics)
 * @param errors transport failures (not in the statistics)
 * @param notRun pairs not asked because the run's budget was spent (not in the statistics)
 * @param flaky pairs whose K samples disagreed
 * @param maxGap the allowed gap for this language
 * @param gap the gap gate
 * @param regression the regression gate, or null without a baseline for this language
 */
public record LanguageSummary(String suite, String lang, int pairs, int consistent, int weak, int knownWeak,
        int notApplicable, int unparseable, int errors, int notRun, int flaky, double maxGap, GateFamily.Decision gap,
        GateFamily.Decision regression) {

    public GapStatistics stats() {
        return gap.input().stats();
    }

    public Verdict verdict() {
        return gap.verdict();
    }
}

package dev.clp.scoring;

/**
 * One language of one suite after a run: outcome counts, the gap statistics and the gate verdict.
 *
 * @param suite suite id
 * @param lang BCP 47 tag
 * @param pairs pairs run
 * @param consistent target right
 * @param weak English right, target wrong
 * @param notApplicable English wrong
 * @param unparseable an answer could not be extracted (not in the statistics)
 * @param errors transport failures (not in the statistics)
 * @param stats gap statistics over the graded pairs
 * @param maxGap the allowed gap
 * @param confidence one-sided confidence of each bound, after the multiplicity correction
 * @param verdict the gate's zone
 */
public record LanguageSummary(String suite, String lang, int pairs, int consistent, int weak, int notApplicable,
        int unparseable, int errors, GapStatistics stats, double maxGap, double confidence, Verdict verdict) {
}

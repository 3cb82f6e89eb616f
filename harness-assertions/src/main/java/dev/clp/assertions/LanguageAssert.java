package dev.clp.assertions;

import dev.clp.run.RunDocument;
import java.util.Locale;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one language of a run: its gap, accuracies, coverage and verdict. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LanguageAssert extends AbstractAssert<LanguageAssert, RunDocument.Language> {

    LanguageAssert(RunDocument.Language actual) {
        super(actual, LanguageAssert.class);
    }

    /** English minus target accuracy, with the bounds, verdict and maximum gap in every failure message. */
    public FigureAssert gap() {
        return new FigureAssert(actual.gap(), name() + " gap", String.format(Locale.ROOT,
                "bounds %s, verdict %s, max gap %s, %d pairs (%d graded)", bounds(), actual.verdict(),
                threshold(), actual.pairs(), actual.graded()), true);
    }

    /** The share of English answers that were right. */
    public FigureAssert englishAccuracy() {
        return new FigureAssert(actual.englishAccuracy(), name() + " English accuracy", graded(), false);
    }

    /** The share of target-language answers that were right. */
    public FigureAssert targetAccuracy() {
        return new FigureAssert(actual.targetAccuracy(), name() + " target accuracy", graded(), false);
    }

    /** The share of pairs answered readably on both sides. */
    public FigureAssert coverage() {
        return new FigureAssert(actual.coverage(), name() + " coverage", String.format(Locale.ROOT,
                "%d of %d pairs covered, %d English and %d target answers unreadable, %d errors", actual.covered(),
                actual.pairs(), actual.unreadableEnglish(), actual.unreadableTarget(), actual.errors()), false);
    }

    /** The gap's verdict: {@code PASS}, {@code FAIL}, {@code INCONCLUSIVE} or {@code NO_DATA}. */
    public LanguageAssert hasVerdict(String verdict) {
        if (!verdict.equals(actual.verdict())) {
            failWithMessage("%s: expected the gap's verdict %s but was %s (gap %s, bounds %s, max gap %s)", name(),
                    verdict, actual.verdict(), FigureAssert.points(actual.gap()), bounds(), threshold());
        }
        return this;
    }

    /** Passes when the language has no weak pair (counting those the baseline knew). */
    public LanguageAssert hasNoWeakPair() {
        if (actual.weak() + actual.knownWeak() > 0) {
            failWithMessage("%s: expected no weak pair but %d of %d are weak (%d known from the baseline)", name(),
                    actual.weak() + actual.knownWeak(), actual.pairs(), actual.knownWeak());
        }
        return this;
    }

    private String name() {
        return "[lang=" + actual.lang() + "] " + actual.language();
    }

    private String threshold() {
        return actual.maxGap() == null ? "–" : String.format(Locale.ROOT, "%.1f points", actual.maxGap() * 100);
    }

    private String graded() {
        return actual.graded() + " of " + actual.pairs() + " pairs graded";
    }

    private String bounds() {
        return actual.gapLower() == null ? "–" : "[" + FigureAssert.points(actual.gapLower()) + ", "
                + FigureAssert.points(actual.gapUpper()) + "]";
    }
}

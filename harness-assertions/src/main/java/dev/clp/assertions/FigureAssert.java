package dev.clp.assertions;

import java.util.Locale;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one figure of a run (a share or a difference of shares, 0.10 = 10 %). A figure the run could not
 * compute (no graded pair) fails every assertion. Messages name the figure, its value, the expected bound and the
 * context (bounds, verdict, threshold, pairs).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FigureAssert extends AbstractAssert<FigureAssert, Double> {

    private final String name;
    private final String context;
    private final boolean difference;

    FigureAssert(Double actual, String name, String context, boolean difference) {
        super(actual, FigureAssert.class);
        this.name = name;
        this.context = context;
        this.difference = difference;
    }

    /** Passes when the figure is at most {@code max}. */
    public FigureAssert isAtMost(double max) {
        measured("at most " + show(max));
        if (!(actual <= max)) {
            failWithMessage("%s: expected at most %s but was %s (%s)", name, show(max), show(actual), context);
        }
        return this;
    }

    /** Passes when the figure is below {@code max}. */
    public FigureAssert isLessThan(double max) {
        measured("below " + show(max));
        if (!(actual < max)) {
            failWithMessage("%s: expected below %s but was %s (%s)", name, show(max), show(actual), context);
        }
        return this;
    }

    /** Passes when the figure is at least {@code min}. */
    public FigureAssert isAtLeast(double min) {
        measured("at least " + show(min));
        if (!(actual >= min)) {
            failWithMessage("%s: expected at least %s but was %s (%s)", name, show(min), show(actual), context);
        }
        return this;
    }

    /** Passes when the figure lies in {@code [min, max]}. */
    public FigureAssert isBetween(double min, double max) {
        measured("between " + show(min) + " and " + show(max));
        if (!(actual >= min && actual <= max)) {
            failWithMessage("%s: expected between %s and %s but was %s (%s)", name, show(min), show(max),
                    show(actual), context);
        }
        return this;
    }

    private void measured(String expected) {
        if (actual == null) {
            failWithMessage("%s: expected %s but the run measured none (%s)", name, expected, context);
        }
    }

    private String show(double v) {
        return difference ? points(v) : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    /** A difference of shares in points, {@code +12.5 points}; {@code –} for none. */
    static String points(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%+.1f points", v * 100);
    }
}

package dev.clp.engine;

import dev.clp.config.ClpConstants;
import dev.clp.scoring.GapStatistics;
import dev.clp.scoring.GateFamily;
import dev.clp.scoring.LanguageSummary;
import dev.clp.scoring.Verdict;
import dev.clp.allure.AllureResults;
import dev.clp.suite.Languages;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * {@code [gate:gap]} and {@code [gate:regression]}: a language's gates, run after its pairs. FAIL when the
 * gate's Holm-adjusted p-value within the run is at most {@code clp.gate.alpha}; PASS when the upper bound
 * is at or below the threshold; INCONCLUSIVE otherwise (passes with a report entry unless
 * {@code clp.gate.inconclusive=fail}).
 */
final class GateDescriptor extends AbstractTestDescriptor implements Node<ClpExecutionContext> {

    static final String SEGMENT = "gate";
    static final String GAP = "gap";
    static final String REGRESSION = "regression";

    private final String suiteId;
    private final String lang;
    private final GateFamily.Kind kind;

    GateDescriptor(UniqueId uniqueId, String suiteId, String lang, Path file, GateFamily.Kind kind) {
        super(uniqueId, (kind == GateFamily.Kind.GAP ? "gap gate · " : "regression gate · ") + Languages.name(lang),
                Sources.file(file, 0));
        this.suiteId = suiteId;
        this.lang = lang;
        this.kind = kind;
    }

    static String segmentValue(GateFamily.Kind kind) {
        return kind == GateFamily.Kind.GAP ? GAP : REGRESSION;
    }

    String lang() {
        return lang;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return Set.of(Tags.lang(lang), Tags.GATE);
    }

    @Override
    public ClpExecutionContext execute(ClpExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        long start = System.currentTimeMillis();
        LanguageSummary s = context.run().gates().summary(suiteId, lang);
        GateFamily.Decision d = kind == GateFamily.Kind.GAP ? s.gap() : s.regression();
        String figures = d == null ? "" : describe(d);
        Throwable verdict = verdict(context, s, d, figures);
        if (d != null) {
            context.listener().reportingEntryPublished(this, ReportEntry.from(Map.of(
                    "clp.verdict", d.verdict().name(), "clp.gate", figures)));
        }
        AllureResults allure = context.run().allure();
        if (allure != null) {
            AllureResults.Status status = verdict == null ? AllureResults.Status.PASSED
                    : verdict instanceof AssertionFailedError ? AllureResults.Status.FAILED
                    : AllureResults.Status.BROKEN; // no data, or no baseline for this suite
            allure.gate(suiteId, getUniqueId().toString(), getDisplayName(), lang, status,
                    verdict == null ? null : verdict.getMessage(), figures, start, System.currentTimeMillis());
        }
        if (verdict instanceof AssertionFailedError failed) {
            throw failed;
        }
        if (verdict instanceof TestAbortedException aborted) {
            throw aborted;
        }
        return context;
    }

    /** The gate's verdict as the exception that reports it, or null when it passes. */
    private Throwable verdict(ClpExecutionContext context, LanguageSummary s, GateFamily.Decision d,
            String figures) {
        if (d == null) {
            return new TestAbortedException("[lang=" + lang + "] the baseline has no results for suite " + suiteId);
        }
        if (d.verdict() == Verdict.NO_DATA) {
            return new TestAbortedException("[lang=" + lang + "] no graded pair: " + s.unparseable() + " unparseable, "
                    + s.errors() + " errors");
        }
        if (d.verdict() == Verdict.FAIL) {
            return new AssertionFailedError(figures + (kind == GateFamily.Kind.GAP
                    ? " (the gap is confidently above " + ClpConstants.GATE_MAX_GAP + ")"
                    : " (the candidate is confidently worse than the baseline by more than " + ClpConstants.GATE_TOLERANCE + ")"));
        }
        if (d.verdict() == Verdict.INCONCLUSIVE && context.config().gates().inconclusiveFails()) {
            return new AssertionFailedError(figures + " (" + ClpConstants.GATE_INCONCLUSIVE + "=fail)");
        }
        return null; // PASS, or INCONCLUSIVE under the default clp.gate.inconclusive=warn
    }

    private String describe(GateFamily.Decision d) {
        GapStatistics st = d.input().stats();
        String what = kind == GateFamily.Kind.GAP
                ? String.format(Locale.ROOT, "English %.1f%%, target %.1f%%, gap %+.1f points", st.firstAccuracy() * 100,
                        st.secondAccuracy() * 100, st.difference() * 100)
                : String.format(Locale.ROOT, "baseline %.1f%%, candidate %.1f%%, regression %+.1f points",
                        st.firstAccuracy() * 100, st.secondAccuracy() * 100, st.difference() * 100);
        return String.format(Locale.ROOT,
                "[lang=%s] %s %s: n=%d, %s, %.2f%% bounds [%+.1f, %+.1f], threshold %.1f points, p=%.3g "
                        + "(Holm %.3g), MDE %.1f points → %s", lang, Languages.name(lang),
                kind == GateFamily.Kind.GAP ? "gap" : "regression", st.n(), what, (1 - d.boundsAlpha()) * 100,
                d.lower() * 100, d.upper() * 100, d.input().threshold() * 100, d.pValue(), d.adjustedP(),
                d.minimumDetectableEffect() * 100, d.verdict());
    }
}

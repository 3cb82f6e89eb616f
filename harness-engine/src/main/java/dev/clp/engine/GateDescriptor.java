package dev.clp.engine;

import dev.clp.config.ClpConstants;
import dev.clp.scoring.GapStatistics;
import dev.clp.scoring.LanguageSummary;
import dev.clp.scoring.Verdict;
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
 * {@code [gate:gap]}: the language's gap gate, run after its pairs. FAIL when the lower confidence bound
 * of the English-minus-target gap exceeds {@code clp.gate.max-gap}; PASS when the upper bound is at or below
 * it; INCONCLUSIVE otherwise (passes with a report entry unless {@code clp.gate.inconclusive=fail}).
 */
final class GateDescriptor extends AbstractTestDescriptor implements Node<ClpExecutionContext> {

    static final String SEGMENT = "gate";
    static final String GAP = "gap";

    private final String suiteId;
    private final String lang;

    GateDescriptor(UniqueId uniqueId, String suiteId, String lang, Path file) {
        super(uniqueId, "gap gate · " + Languages.name(lang), Sources.file(file, 0));
        this.suiteId = suiteId;
        this.lang = lang;
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
        double maxGap = context.config().maxGap();
        LanguageSummary s = context.collector().summarize(suiteId, lang, context.alphaPerGate(), maxGap);
        GapStatistics st = s.stats();
        String figures = String.format(Locale.ROOT,
                "[lang=%s] %s: n=%d graded, English %.1f%%, target %.1f%%, gap %+.1f points, %.2f%% bounds "
                        + "[%+.1f, %+.1f], max gap %.1f points → %s", lang, Languages.name(lang), st.n(),
                st.englishAccuracy() * 100, st.targetAccuracy() * 100, st.gap() * 100, s.confidence() * 100,
                st.lower() * 100, st.upper() * 100, maxGap * 100, s.verdict());
        context.listener().reportingEntryPublished(this, ReportEntry.from(Map.of(
                "clp.verdict", s.verdict().name(), "clp.gate", figures)));
        if (s.verdict() == Verdict.NO_DATA) {
            throw new TestAbortedException("[lang=" + lang + "] no graded pair: " + s.unparseable()
                    + " unparseable, " + s.errors() + " errors");
        }
        if (s.verdict() == Verdict.FAIL) {
            throw new AssertionFailedError(figures + " (the gap is confidently above " + ClpConstants.GATE_MAX_GAP + ")");
        }
        if (s.verdict() == Verdict.INCONCLUSIVE && context.config().inconclusiveFails()) {
            throw new AssertionFailedError(figures + " (" + ClpConstants.GATE_INCONCLUSIVE + "=fail)");
        }
        return context;
    }
}

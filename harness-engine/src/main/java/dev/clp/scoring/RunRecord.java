package dev.clp.scoring;

import dev.clp.run.GatesDocument;
import dev.clp.run.RunDocument;
import dev.clp.run.RunSettings;
import dev.clp.run.RunUsage;
import dev.clp.suite.Languages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a run did. Written as {@code run.json} (model, whether simulated, settings, per-language figures,
 * every pair's outcome with both raw answers) and {@code gates.json} (every gate's figures and verdict).
 *
 * @param model {@code <provider>:<model>}
 * @param simulated whether the model was the offline simulator
 * @param startedAt start of the run
 * @param finishedAt end of the run
 * @param settings the configuration values that shape results
 * @param usage what the model layer did: calls, retries, cache hits, tokens, cost, fallback extraction
 * @param suites suite id to suite version
 * @param summaries one per suite and language
 * @param entries every pair's outcome with its suite
 * @param baselineModel the baseline's model, or null without a baseline
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record RunRecord(String model, boolean simulated, Instant startedAt, Instant finishedAt,
        RunSettings settings, RunUsage usage, Map<String, String> suites, List<LanguageSummary> summaries,
        List<Entry> entries, String baselineModel) {

    /** One pair's outcome in a suite. */
    public record Entry(String suite, PairOutcome outcome) {
    }

    /** How the statistical gates decide, for {@code gates.json}. */
    public static final String METHOD = "cluster score test by source question (null-restricted, an unseen question "
            + "of average size added to the variance, a bounded Edgeworth skewness correction, Satterthwaite degrees of freedom under "
            + "an exchangeable working model); Holm over the run's gap and regression gates at alpha; bounds "
            + "simultaneous (Bonferroni, alpha / m); a PASS counts unreadable English answers as right, a FAIL as wrong";

    /** What a verdict promises, as measured by {@code clp calibrate} on the published suites' cluster sizes. */
    public static final String PROMISE = "FAIL: a model that meets every threshold sees a false FAIL in at most alpha of "
            + "runs (measured at most 0.50 % at alpha 1 % in every correlation scenario of clp calibrate); PASS: the "
            + "upper bound is below the threshold, nominally simultaneous at 1 - alpha; measured, a model exactly "
            + "at the threshold gets a PASS in at most 2 % of runs at alpha 1 % (1.15 % measured, when answers correlate "
            + "within a source question at ICC 0.8); INCONCLUSIVE: neither; coverage: a plain share, no test";

    /** Writes {@code run.json} and {@code gates.json} atomically into the directory; returns run.json's path. */
    public Path write(Path dir) {
        Path file = run().write(dir.resolve(RunDocument.FILE));
        gates().write(dir.resolve(GatesDocument.FILE));
        return file;
    }

    /** The content of {@code run.json}. */
    public RunDocument run() {
        List<RunDocument.Language> langs = new ArrayList<>();
        for (LanguageSummary s : summaries) {
            RunDocument.Regression regression = null;
            if (s.regression() != null) {
                GateFamily.Decision d = s.regression();
                GapStatistics st = d.input().stats();
                GateResult r = s.result(GateResult.Kind.REGRESSION);
                // the verdict is the gate's outcome (a partial baseline is NO_DATA)
                regression = new RunDocument.Regression(d.input().suite(), d.input().lang(), kind(d), st.n(),
                        st.clusters(), finite(st.designEffect()), finite(st.firstAccuracy()),
                        finite(st.secondAccuracy()), finite(st.difference()), finite(d.lower()), finite(d.upper()),
                        1 - d.boundsAlpha(), d.input().threshold(), finite(d.pValue()), finite(d.adjustedP()),
                        finite(d.minimumDetectableEffect()), r.verdict().name(), r.fails(), r.underpowered());
            }
            langs.add(new RunDocument.Language(s.suite(), s.lang(), Languages.name(s.lang()), s.pairs(),
                    s.stats().n(), s.consistent(), s.weak(), s.knownWeak(), s.notApplicable(), s.unparseable(),
                    s.errors(), s.notRun(), s.flaky(), finite(s.stats().firstAccuracy()),
                    finite(s.stats().secondAccuracy()), finite(s.stats().difference()), finite(s.gap().lower()),
                    finite(s.gap().upper()), 1 - s.gap().boundsAlpha(), s.maxGap(), s.verdict().name(),
                    s.coverage().share(), s.coverage().covered(), s.coverage().unreadableEnglish(),
                    s.coverage().unreadableTarget(), s.failed(), s.result(GateResult.Kind.COVERAGE).fails(),
                    s.result(GateResult.Kind.GAP).fails(), s.result(GateResult.Kind.GAP).underpowered(), regression));
        }
        List<RunDocument.PairResult> pairs = new ArrayList<>();
        for (Entry e : entries) {
            pairs.add(pairResult(e));
        }
        return new RunDocument(RunDocument.FORMAT, model, simulated, startedAt.toString(), finishedAt.toString(),
                settings, usage, suites, baselineModel, langs, pairs);
    }

    /**
     * Writes {@code run.json}, its pairs streamed from the run's journal (this record's own entries are not written),
     * and {@code gates.json} atomically into the directory; returns run.json's path.
     */
    public Path write(Path dir, dev.clp.run.RunJournal journal) {
        Path file = journal.write(run(), dir.resolve(RunDocument.FILE));
        gates().write(dir.resolve(GatesDocument.FILE));
        return file;
    }

    /** The content of {@code run.json} for a run that did not finish: no language, and why it is partial. */
    public RunDocument partialRun(String why) {
        RunDocument d = run();
        return new RunDocument(d.format(), d.model(), d.simulated(), d.startedAt(), d.finishedAt(), d.settings(),
                d.usage(), d.suites(), d.baselineModel(), List.of(), d.pairs(), why);
    }

    /** One pair's entry of {@code run.json}. */
    public static RunDocument.PairResult pairResult(Entry e) {
        PairOutcome o = e.outcome();
        SideResult en = null;
        SideResult target = null;
        Boolean flaky = null;
        if (o instanceof PairOutcome.Graded g) {
            en = g.en();
            target = g.target();
            flaky = g.flaky();
        } else if (o instanceof PairOutcome.Unparseable u) {
            en = u.en();
            target = u.target();
        }
        return new RunDocument.PairResult(e.suite(), o.pair().id(), o.pair().lang(),
                dev.clp.suite.PairIds.question(o.pair()), o.kind(), flaky, en == null ? null : side(en),
                en == null ? null : side(target), o.message());
    }

    /** The content of {@code gates.json}: every gate of the run with its figures and verdict. */
    public GatesDocument gates() {
        List<GatesDocument.Gate> gates = new ArrayList<>();
        boolean failed = false;
        for (LanguageSummary s : summaries) {
            for (GateResult r : s.results()) {
                LanguageSummary.Coverage c = s.coverage();
                GatesDocument.Gate gate = switch (r.kind()) {
                    case COVERAGE -> new GatesDocument.CoverageGate(s.suite(), s.lang(), r.kind().id(), c.pairs(),
                            c.covered(), c.share(), c.unreadableEnglish(), c.unreadableTarget(), c.errors(),
                            c.notRun(), r.verdict().name(), r.underpowered(), r.fails(), r.message());
                    case GAP -> {
                        GateFamily.Decision d = s.gap();
                        GapStatistics st = d.input().stats();
                        yield new GatesDocument.GapGate(d.input().suite(), d.input().lang(), kind(d), st.n(),
                                st.clusters(), finite(st.designEffect()), finite(st.firstAccuracy()),
                                finite(st.secondAccuracy()), finite(st.difference()), finite(d.lower()),
                                finite(d.upper()), 1 - d.boundsAlpha(), d.input().threshold(), finite(d.pValue()),
                                finite(d.adjustedP()), finite(d.minimumDetectableEffect()), r.verdict().name(),
                                r.underpowered(), r.fails(), r.message());
                    }
                    case REGRESSION -> {
                        GateFamily.Decision d = s.regression();
                        GapStatistics st = d.input().stats();
                        yield new GatesDocument.RegressionGate(d.input().suite(), d.input().lang(), kind(d), st.n(),
                                st.clusters(), finite(st.designEffect()), finite(st.firstAccuracy()),
                                finite(st.secondAccuracy()), finite(st.difference()), finite(d.lower()),
                                finite(d.upper()), 1 - d.boundsAlpha(), d.input().threshold(), finite(d.pValue()),
                                finite(d.adjustedP()), finite(d.minimumDetectableEffect()), r.verdict().name(),
                                c.baselinePairs() >= 0 ? c.baselineShare() : null, r.underpowered(), r.fails(),
                                r.message());
                    }
                };
                gates.add(gate);
                failed |= r.fails();
            }
        }
        return new GatesDocument(GatesDocument.FORMAT, model, simulated, settings.alpha(), "holm", METHOD, PROMISE,
                failed, gates);
    }

    private static String kind(GateFamily.Decision d) {
        return d.input().kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static RunDocument.Side side(SideResult r) {
        // which extraction layer read each answer: letter, answer-word, structured, fallback …, or unparseable
        List<String> extraction = r.extractions().stream().map(e -> e instanceof Extraction.Choice c ? c.method()
                : "unparseable: " + ((Extraction.Unparseable) e).reason()).toList();
        // clp.logprobs: per sample, each option letter's probability as the answer's first token
        boolean logprobs = r.letterProbabilities().stream().anyMatch(java.util.Objects::nonNull);
        return new RunDocument.Side(r.expectedLetter(), r.chosenLetter(), r.correctShare(), r.answers(), extraction,
                logprobs ? r.letterProbabilities() : null);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

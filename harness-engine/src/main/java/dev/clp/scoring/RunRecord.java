package dev.clp.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.clp.suite.Languages;
import dev.clp.suite.SuiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
public record RunRecord(String model, boolean simulated, Instant startedAt, Instant finishedAt,
        Map<String, Object> settings, Map<String, Object> usage, Map<String, String> suites, List<LanguageSummary> summaries,
        List<Entry> entries, String baselineModel) {

    public static final String FORMAT = "clp-run/v1";
    public static final String GATES_FORMAT = "clp-gates/v1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Reads a {@code run.json} as {@link #write} writes it, for baselines, summaries and reports.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or is not a clp run record
     */
    public static JsonNode read(Path runJson) {
        JsonNode run;
        try {
            run = JSON.readTree(runJson.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(runJson + ": cannot read run results: " + e.getMessage(), e);
        }
        if (run == null || !FORMAT.equals(run.path("format").asText())) {
            throw new IllegalArgumentException(runJson + ": not a clp run record (format " + FORMAT + ")");
        }
        return run;
    }

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
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("model", model);
        root.put("simulated", simulated);
        root.put("startedAt", startedAt.toString());
        root.put("finishedAt", finishedAt.toString());
        root.put("settings", settings);
        root.put("usage", usage);
        root.put("suites", suites);
        if (baselineModel != null) {
            root.put("baselineModel", baselineModel);
        }
        List<Map<String, Object>> langs = new ArrayList<>();
        for (LanguageSummary s : summaries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("suite", s.suite());
            m.put("lang", s.lang());
            m.put("language", Languages.name(s.lang()));
            m.put("pairs", s.pairs());
            m.put("graded", s.stats().n());
            m.put("consistent", s.consistent());
            m.put("weak", s.weak());
            m.put("knownWeak", s.knownWeak());
            m.put("notApplicable", s.notApplicable());
            m.put("unparseable", s.unparseable());
            m.put("errors", s.errors());
            m.put("notRun", s.notRun());
            m.put("flaky", s.flaky());
            m.put("englishAccuracy", finite(s.stats().firstAccuracy()));
            m.put("targetAccuracy", finite(s.stats().secondAccuracy()));
            m.put("gap", finite(s.stats().difference()));
            m.put("gapLower", finite(s.gap().lower()));
            m.put("gapUpper", finite(s.gap().upper()));
            m.put("confidence", 1 - s.gap().boundsAlpha());
            m.put("maxGap", s.maxGap());
            m.put("verdict", s.verdict().name());
            m.put("coverage", s.coverage().share());
            m.put("covered", s.coverage().covered());
            m.put("unreadableEnglish", s.coverage().unreadableEnglish());
            m.put("unreadableTarget", s.coverage().unreadableTarget());
            m.put("failed", s.failed());
            m.put("coverageFails", s.result(GateResult.Kind.COVERAGE).fails());
            m.put("gapFails", s.result(GateResult.Kind.GAP).fails());
            m.put("gapUnderpowered", s.result(GateResult.Kind.GAP).underpowered());
            if (s.regression() != null) {
                Map<String, Object> regression = gate(s.regression());
                GateResult r = s.result(GateResult.Kind.REGRESSION);
                regression.put("verdict", r.verdict().name()); // the gate's outcome (a partial baseline is NO_DATA)
                regression.put("fails", r.fails());
                regression.put("underpowered", r.underpowered());
                m.put("regression", regression);
            }
            langs.add(m);
        }
        root.put("languages", langs);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (Entry e : entries) {
            PairOutcome o = e.outcome();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("suite", e.suite());
            m.put("id", o.pair().id());
            m.put("lang", o.pair().lang());
            m.put("question", dev.clp.suite.PairIds.question(o.pair()));
            m.put("outcome", o.kind());
            SideResult en = null;
            SideResult target = null;
            if (o instanceof PairOutcome.Graded g) {
                en = g.en();
                target = g.target();
                m.put("flaky", g.flaky());
            } else if (o instanceof PairOutcome.Unparseable u) {
                en = u.en();
                target = u.target();
            }
            if (en != null) {
                m.put("en", side(en));
                m.put("target", side(target));
            }
            m.put("message", o.message());
            pairs.add(m);
        }
        root.put("pairs", pairs);
        Path file = dir.resolve("run.json");
        write(file, root);
        write(dir.resolve("gates.json"), gates());
        return file;
    }

    /** The content of {@code gates.json}: every gate of the run with its figures and verdict. */
    Map<String, Object> gates() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", GATES_FORMAT);
        root.put("model", model);
        root.put("simulated", simulated);
        root.put("alpha", settings.get("alpha"));
        root.put("correction", "holm");
        root.put("method", METHOD);
        root.put("promise", PROMISE);
        List<Map<String, Object>> gates = new ArrayList<>();
        boolean failed = false;
        for (LanguageSummary s : summaries) {
            for (GateResult r : s.results()) {
                Map<String, Object> m;
                if (r.kind() == GateResult.Kind.COVERAGE) {
                    m = new LinkedHashMap<>();
                    m.put("suite", s.suite());
                    m.put("lang", s.lang());
                    m.put("kind", r.kind().id());
                    m.put("pairs", s.coverage().pairs());
                    m.put("covered", s.coverage().covered());
                    m.put("share", s.coverage().share());
                    m.put("unreadableEnglish", s.coverage().unreadableEnglish());
                    m.put("unreadableTarget", s.coverage().unreadableTarget());
                    m.put("errors", s.coverage().errors());
                    m.put("notRun", s.coverage().notRun());
                } else {
                    m = gate(r.kind() == GateResult.Kind.GAP ? s.gap() : s.regression());
                    if (r.kind() == GateResult.Kind.REGRESSION && s.coverage().baselinePairs() >= 0) {
                        m.put("baselineCoverage", s.coverage().baselineShare());
                    }
                }
                m.put("verdict", r.verdict().name());
                m.put("underpowered", r.underpowered());
                m.put("fails", r.fails());
                m.put("message", r.message());
                gates.add(m);
                failed |= r.fails();
            }
        }
        root.put("failed", failed);
        root.put("gates", gates);
        return root;
    }

    private static Map<String, Object> gate(GateFamily.Decision d) {
        GapStatistics st = d.input().stats();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suite", d.input().suite());
        m.put("lang", d.input().lang());
        m.put("kind", d.input().kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("n", st.n());
        m.put("clusters", st.clusters());
        m.put("designEffect", finite(st.designEffect()));
        m.put(d.input().kind() == GateFamily.Kind.GAP ? "englishAccuracy" : "baselineAccuracy", finite(st.firstAccuracy()));
        m.put(d.input().kind() == GateFamily.Kind.GAP ? "targetAccuracy" : "candidateAccuracy", finite(st.secondAccuracy()));
        m.put("difference", finite(st.difference()));
        m.put("lower", finite(d.lower()));
        m.put("upper", finite(d.upper()));
        m.put("boundsConfidence", 1 - d.boundsAlpha());
        m.put("threshold", d.input().threshold());
        m.put("pValue", finite(d.pValue()));
        m.put("holmAdjustedP", finite(d.adjustedP()));
        m.put("minimumDetectableEffect", finite(d.minimumDetectableEffect()));
        m.put("verdict", d.verdict().name());
        return m;
    }

    private static void write(Path file, Object content) {
        try {
            SuiteWriter.writeAtomically(file, JSON.writeValueAsString(content) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Map<String, Object> side(SideResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expected", r.expectedLetter());
        m.put("chosen", r.chosenLetter());
        m.put("correctShare", r.correctShare());
        m.put("answers", r.answers());
        // which extraction layer read each answer: letter, answer-word, structured, fallback …, or unparseable
        m.put("extraction", r.extractions().stream().map(e -> e instanceof Extraction.Choice c ? c.method()
                : "unparseable: " + ((Extraction.Unparseable) e).reason()).toList());
        if (r.letterProbabilities().stream().anyMatch(java.util.Objects::nonNull)) {
            // clp.logprobs: per sample, each option letter's probability as the answer's first token
            m.put("letterProbabilities", r.letterProbabilities());
        }
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

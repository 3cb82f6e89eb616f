package dev.clp.scoring;

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
 * What a run did, written as {@code run.json}: the model (and whether it was simulated), the settings,
 * per-language summaries and every pair's outcome with both raw answers.
 *
 * @param model {@code <provider>:<model>}
 * @param simulated whether the model was the offline simulator
 * @param startedAt start of the run
 * @param finishedAt end of the run
 * @param settings the configuration values that shape results
 * @param suites suite id to suite version
 * @param summaries one per suite and language
 * @param outcomes every pair's outcome
 */
public record RunRecord(String model, boolean simulated, Instant startedAt, Instant finishedAt,
        Map<String, Object> settings, Map<String, String> suites, List<LanguageSummary> summaries,
        List<PairOutcome> outcomes) {

    public static final String FORMAT = "clp-run/v1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes {@code run.json} atomically and returns its path. */
    public Path write(Path dir) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("model", model);
        root.put("simulated", simulated);
        root.put("startedAt", startedAt.toString());
        root.put("finishedAt", finishedAt.toString());
        root.put("settings", settings);
        root.put("suites", suites);
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
            m.put("notApplicable", s.notApplicable());
            m.put("unparseable", s.unparseable());
            m.put("errors", s.errors());
            m.put("englishAccuracy", finite(s.stats().englishAccuracy()));
            m.put("targetAccuracy", finite(s.stats().targetAccuracy()));
            m.put("gap", finite(s.stats().gap()));
            m.put("gapLower", finite(s.stats().lower()));
            m.put("gapUpper", finite(s.stats().upper()));
            m.put("confidence", s.confidence());
            m.put("maxGap", s.maxGap());
            m.put("verdict", s.verdict().name());
            langs.add(m);
        }
        root.put("languages", langs);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (PairOutcome o : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.pair().id());
            m.put("lang", o.pair().lang());
            m.put("outcome", o.kind());
            SideResult en = null;
            SideResult target = null;
            if (o instanceof PairOutcome.Consistent c) {
                en = c.en();
                target = c.target();
            } else if (o instanceof PairOutcome.Weak w) {
                en = w.en();
                target = w.target();
            } else if (o instanceof PairOutcome.NotApplicable x) {
                en = x.en();
                target = x.target();
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
        try {
            SuiteWriter.writeAtomically(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static Map<String, Object> side(SideResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expected", r.expectedLetter());
        m.put("chosen", r.chosenLetter());
        m.put("correctShare", r.correctShare());
        m.put("answers", r.answers());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

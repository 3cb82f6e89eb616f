package dev.clp.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.scoring.Baseline;
import dev.clp.scoring.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The content of {@code clp report}, computed once from one or more {@code run.json} files and rendered as JSON,
 * Markdown and HTML: per run and language the English and target accuracy, the gap with its bounds and verdict,
 * unparseable and error rates; the model × language gap matrix; the diff of every run against the first (new
 * weak, fixed, still weak); tokens and cost; the language affinity matrix in clustered order; the weak pairs with
 * both raw answers. Everything is a plain map tree, so the JSON output is exactly what the other two render.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunReport {

    /** The format tag of the JSON output. */
    public static final String FORMAT = "clp-report/v1";
    /** Weak pairs listed per run at most (the JSON and the run files hold all of them). */
    static final int WEAK_PAIRS_LISTED = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> content;

    private RunReport(Map<String, Object> content) {
        this.content = content;
    }

    /** The report as a map tree (what {@code report.json} holds). */
    public Map<String, Object> content() {
        return content;
    }

    /**
     * Reads the runs; the first is the reference of the diff.
     *
     * @throws IllegalArgumentException naming the file when it is not a clp run record
     */
    public static RunReport of(List<Path> runFiles) {
        return of(runFiles, null);
    }

    /**
     * Reads the runs and diffs each against a baseline: a baseline file ({@code clp baseline record}) or another
     * {@code run.json}; with {@code baseline} null each run after the first is diffed against the first.
     *
     * @throws IllegalArgumentException naming the file when a run or the baseline cannot be read
     */
    public static RunReport of(List<Path> runFiles, Path baseline) {
        if (runFiles.isEmpty()) {
            throw new IllegalArgumentException("no run.json given");
        }
        List<JsonNode> runs = new ArrayList<>();
        for (Path f : runFiles) {
            runs.add(RunRecord.read(f));
        }
        List<String> labels = labels(runs, runFiles);
        Set<String> languages = new LinkedHashSet<>();
        Map<String, String> names = new TreeMap<>();
        for (JsonNode run : runs) {
            for (JsonNode l : run.path("languages")) {
                languages.add(l.path("lang").asText());
                names.put(l.path("lang").asText(), l.path("language").asText());
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("simulated", runs.stream().anyMatch(r -> r.path("simulated").asBoolean()));
        root.put("languages", new ArrayList<>(languages));
        root.put("languageNames", names);
        List<Map<String, Object>> runList = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            runList.add(run(runs.get(i), labels.get(i), runFiles.get(i)));
        }
        root.put("runs", runList);
        root.put("gapMatrix", gapMatrix(runList, languages));
        if (baseline != null) {
            JsonNode base = readBaseline(baseline);
            String label = "baseline " + base.path("model").asText() + " (" + baseline.getFileName() + ")";
            Map<String, String> before = baselineOutcomes(base);
            List<Map<String, Object>> diffs = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                diffs.add(diff(before, label, runs.get(i), labels.get(i)));
            }
            root.put("diffs", diffs);
        } else if (runs.size() > 1) {
            List<Map<String, Object>> diffs = new ArrayList<>();
            for (int i = 1; i < runs.size(); i++) {
                diffs.add(diff(outcomes(runs.get(0)), labels.get(0), runs.get(i), labels.get(i)));
            }
            root.put("diffs", diffs);
        }
        root.put("affinity", Affinity.of(runs, new ArrayList<>(languages)));
        return new RunReport(root);
    }


    /** The model names, made unique with the file's directory where two runs share a model. */
    private static List<String> labels(List<JsonNode> runs, List<Path> files) {
        List<String> labels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        runs.forEach(r -> seen.merge(r.path("model").asText(), 1, Integer::sum));
        for (int i = 0; i < runs.size(); i++) {
            String model = runs.get(i).path("model").asText();
            Path parent = files.get(i).toAbsolutePath().getParent();
            labels.add(seen.get(model) > 1 && parent != null ? model + " (" + parent.getFileName() + ")" : model);
        }
        return labels;
    }

    private static Map<String, Object> run(JsonNode run, String label, Path file) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("model", run.path("model").asText());
        m.put("simulated", run.path("simulated").asBoolean());
        m.put("file", file.toString());
        m.put("startedAt", run.path("startedAt").asText());
        JsonNode usage = run.path("usage");
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("modelCalls", usage.path("modelCalls").asLong());
        u.put("cacheHits", usage.path("cacheHits").asLong());
        u.put("promptTokens", usage.path("promptTokens").asLong());
        u.put("completionTokens", usage.path("completionTokens").asLong());
        u.put("cost", usage.has("cost") ? usage.path("cost").asDouble() : null);
        m.put("usage", u);
        List<Map<String, Object>> langs = new ArrayList<>();
        for (JsonNode l : run.path("languages")) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("lang", l.path("lang").asText());
            x.put("language", l.path("language").asText());
            x.put("suite", l.path("suite").asText());
            int pairs = l.path("pairs").asInt();
            x.put("pairs", pairs);
            x.put("graded", l.path("graded").asInt());
            x.put("weak", l.path("weak").asInt() + l.path("knownWeak").asInt());
            x.put("englishAccuracy", number(l.get("englishAccuracy")));
            x.put("targetAccuracy", number(l.get("targetAccuracy")));
            x.put("gap", number(l.get("gap")));
            x.put("gapLower", number(l.get("gapLower")));
            x.put("gapUpper", number(l.get("gapUpper")));
            x.put("maxGap", number(l.get("maxGap")));
            x.put("verdict", l.path("verdict").asText());
            // what fails the build beside a FAIL verdict of the gap (run.json from this version on)
            List<String> fails = new ArrayList<>();
            if (l.path("coverageFails").asBoolean(false)) {
                fails.add("coverage " + percent(l.get("coverage")));
            }
            if (l.path("gapFails").asBoolean(false) && !"FAIL".equals(l.path("verdict").asText())) {
                fails.add(l.path("gapUnderpowered").asBoolean(false) ? "underpowered" : "gap");
            }
            if (l.path("regression").path("fails").asBoolean(false)) {
                fails.add("regression");
            }
            x.put("fails", String.join(", ", fails));
            x.put("unparseableRate", pairs == 0 ? null : l.path("unparseable").asInt() / (double) pairs);
            x.put("errorRate", pairs == 0 ? null : l.path("errors").asInt() / (double) pairs);
            langs.add(x);
        }
        m.put("languages", langs);
        List<Map<String, Object>> weak = new ArrayList<>();
        List<Map<String, Object>> unparseable = new ArrayList<>();
        int weakTotal = 0;
        for (JsonNode p : run.path("pairs")) {
            if ("unparseable".equals(p.path("outcome").asText()) && unparseable.size() < WEAK_PAIRS_LISTED) {
                Map<String, Object> un = new LinkedHashMap<>();
                un.put("id", p.path("id").asText());
                un.put("lang", p.path("lang").asText());
                un.put("englishAnswer", String.join(" | ", texts(p.path("en").path("answers"))));
                un.put("targetAnswer", String.join(" | ", texts(p.path("target").path("answers"))));
                unparseable.add(un);
            }
            if (!"weak".equals(p.path("outcome").asText())) {
                continue;
            }
            weakTotal++;
            if (weak.size() < WEAK_PAIRS_LISTED) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("id", p.path("id").asText());
                w.put("lang", p.path("lang").asText());
                w.put("englishChosen", p.path("en").path("chosen").asText(""));
                w.put("targetChosen", p.path("target").path("chosen").asText(""));
                w.put("expected", p.path("target").path("expected").asText(""));
                w.put("englishAnswer", String.join(" | ", texts(p.path("en").path("answers"))));
                w.put("targetAnswer", String.join(" | ", texts(p.path("target").path("answers"))));
                weak.add(w);
            }
        }
        m.put("weakPairs", weak);
        m.put("weakPairsTotal", weakTotal);
        m.put("unparseablePairs", unparseable);
        return m;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }

    private static Double number(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.asDouble();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> gapMatrix(List<Map<String, Object>> runs, Set<String> languages) {
        List<String> rows = new ArrayList<>();
        List<List<Double>> gaps = new ArrayList<>();
        for (Map<String, Object> r : runs) {
            rows.add((String) r.get("label"));
            Map<String, Double> byLang = new HashMap<>();
            for (Map<String, Object> l : (List<Map<String, Object>>) r.get("languages")) {
                byLang.put((String) l.get("lang"), (Double) l.get("gap"));
            }
            List<Double> row = new ArrayList<>();
            languages.forEach(lang -> row.add(byLang.get(lang)));
            gaps.add(row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", rows);
        m.put("languages", new ArrayList<>(languages));
        m.put("gap", gaps);
        return m;
    }

    /** New weak, fixed and still weak pairs of a run against the reference run, per language. */
    private static Map<String, Object> diff(Map<String, String> before, String refLabel, JsonNode run, String label) {
        Map<String, String> after = outcomes(run);
        Map<String, int[]> byLang = new TreeMap<>();
        List<String> newWeak = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        int still = 0;
        for (var e : after.entrySet()) {
            String was = before.get(e.getKey());
            if (was == null) {
                continue;
            }
            String lang = e.getKey().substring(0, e.getKey().indexOf('\u001f'));
            String id = e.getKey().substring(e.getKey().indexOf('\u001f') + 1);
            int[] c = byLang.computeIfAbsent(lang, k -> new int[3]);
            boolean weakNow = "weak".equals(e.getValue());
            boolean weakThen = "weak".equals(was);
            if (weakNow && weakThen) {
                c[2]++;
                still++;
            } else if (weakNow) {
                c[0]++;
                newWeak.add(id);
            } else if (weakThen && "consistent".equals(e.getValue())) {
                c[1]++;
                fixed.add(id);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", refLabel);
        m.put("run", label);
        m.put("newWeak", newWeak);
        m.put("fixed", fixed);
        m.put("stillWeak", still);
        Map<String, Map<String, Integer>> langs = new TreeMap<>();
        byLang.forEach((k, v) -> langs.put(k, Map.of("newWeak", v[0], "fixed", v[1], "stillWeak", v[2])));
        m.put("byLanguage", langs);
        return m;
    }

    private static JsonNode readBaseline(Path f) {
        JsonNode b;
        try {
            b = JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": cannot read the baseline: " + e.getMessage(), e);
        }
        String format = b == null ? "" : b.path("format").asText();
        if (!RunRecord.FORMAT.equals(format) && !Baseline.FORMAT.equals(format)) {
            throw new IllegalArgumentException(f + ": not a baseline (clp-baseline/v1) or run record (clp-run/v1)");
        }
        return b;
    }

    /** Outcome per lang + pair id of a baseline file or a run record. */
    private static Map<String, String> baselineOutcomes(JsonNode b) {
        if (RunRecord.FORMAT.equals(b.path("format").asText())) {
            return outcomes(b);
        }
        Map<String, String> m = new LinkedHashMap<>();
        b.path("pairs").properties().forEach(suite -> suite.getValue().properties().forEach(p ->
                m.put(p.getValue().path("lang").asText() + '\u001f' + p.getKey(), p.getValue().path("outcome").asText())));
        return m;
    }

    /** Outcome per lang + pair id. */
    static Map<String, String> outcomes(JsonNode run) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonNode p : run.path("pairs")) {
            m.put(p.path("lang").asText() + '\u001f' + p.path("id").asText(), p.path("outcome").asText());
        }
        return m;
    }

    /** A language's graded source questions (run-qualified keys) and the weak ones among them. */
    record Questions(Set<String> graded, Set<String> weak) {
    }

    /** Questions (by source question key) per language, and which of them were weak. */
    static Map<String, Questions> questions(List<JsonNode> runs) {
        Map<String, Questions> byLang = new TreeMap<>();
        for (int r = 0; r < runs.size(); r++) {
            for (JsonNode p : runs.get(r).path("pairs")) {
                String outcome = p.path("outcome").asText();
                if (!"weak".equals(outcome) && !"consistent".equals(outcome)) {
                    continue; // only pairs that measure a gap: English right
                }
                String q = r + ":" + p.path("question").asText(p.path("id").asText());
                Questions sets = byLang.computeIfAbsent(p.path("lang").asText(),
                        k -> new Questions(new HashSet<>(), new HashSet<>()));
                sets.graded().add(q);
                if ("weak".equals(outcome)) {
                    sets.weak().add(q);
                }
            }
        }
        return byLang;
    }

    private static String percent(JsonNode v) {
        return v == null || v.isNull() ? "–" : String.format(java.util.Locale.ROOT, "%.0f%%", v.asDouble() * 100);
    }
}

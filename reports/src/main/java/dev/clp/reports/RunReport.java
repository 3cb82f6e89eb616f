package dev.clp.reports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.run.RunDocument;
import dev.clp.run.RunUsage;
import dev.clp.scoring.Baseline;
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
    /** Unparseable pairs listed per run at most (the run files hold all of them). */
    static final int WEAK_PAIRS_LISTED = 200;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
        return of(runFiles, baseline, List.of());
    }

    /**
     * As {@link #of(List, Path)}, with the question texts of the weak pairs read from the suites they came from
     * ({@code suiteDirs}: suite directories, or directories holding suites); a run.json holds no question text.
     *
     * @throws IllegalArgumentException naming the file when a run, the baseline or a suite cannot be read
     */
    public static RunReport of(List<Path> runFiles, Path baseline, List<Path> suiteDirs) {
        if (runFiles.isEmpty()) {
            throw new IllegalArgumentException("no run.json given");
        }
        List<RunDocument> runs = new ArrayList<>();
        for (Path f : runFiles) {
            runs.add(RunDocument.read(f));
        }
        List<String> labels = labels(runs, runFiles);
        Set<String> languages = new LinkedHashSet<>();
        Map<String, String> names = new TreeMap<>();
        for (RunDocument run : runs) {
            for (RunDocument.Language l : run.languages()) {
                languages.add(text(l.lang()));
                names.put(text(l.lang()), text(l.language()));
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("simulated", runs.stream().anyMatch(RunDocument::simulated));
        root.put("languages", new ArrayList<>(languages));
        root.put("languageNames", names);
        List<Map<String, Object>> diffs = new ArrayList<>();
        List<Set<String>> newWeak = new ArrayList<>(); // per run: the ids of its new weak pairs, or null (no reference)
        if (baseline != null) {
            Reference base = readBaseline(baseline);
            String label = "baseline " + text(base.model()) + " (" + baseline.getFileName() + ")";
            for (int i = 0; i < runs.size(); i++) {
                diffs.add(diff(base.outcomes(), label, runs.get(i), labels.get(i)));
            }
        } else {
            for (int i = 1; i < runs.size(); i++) {
                diffs.add(diff(outcomes(runs.get(0)), labels.get(0), runs.get(i), labels.get(i)));
            }
        }
        for (int i = 0; i < runs.size(); i++) {
            int d = baseline != null ? i : i - 1;
            newWeak.add(d < 0 ? null : new HashSet<>(strings(diffs.get(d).get("newWeak"))));
        }
        Map<String, String[]> texts = QuestionTexts.read(suiteDirs);
        List<Map<String, Object>> runList = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            runList.add(run(runs.get(i), labels.get(i), runFiles.get(i), newWeak.get(i), texts));
        }
        root.put("runs", runList);
        root.put("gapMatrix", gapMatrix(runList, languages));
        if (!diffs.isEmpty()) {
            root.put("diffs", diffs);
        }
        root.put("affinity", Affinity.of(runs, new ArrayList<>(languages)));
        return new RunReport(root);
    }


    /** The model names, made unique with the file's directory where two runs share a model. */
    private static List<String> labels(List<RunDocument> runs, List<Path> files) {
        List<String> labels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        runs.forEach(r -> seen.merge(text(r.model()), 1, Integer::sum));
        for (int i = 0; i < runs.size(); i++) {
            String model = text(runs.get(i).model());
            Path parent = files.get(i).toAbsolutePath().getParent();
            labels.add(seen.get(model) > 1 && parent != null ? model + " (" + parent.getFileName() + ")" : model);
        }
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }

    private static Map<String, Object> run(RunDocument run, String label, Path file, Set<String> newWeak,
            Map<String, String[]> texts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("model", text(run.model()));
        m.put("simulated", run.simulated());
        m.put("file", file.toString());
        m.put("startedAt", text(run.startedAt()));
        RunUsage usage = run.usage();
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("modelCalls", usage == null ? 0L : usage.modelCalls());
        u.put("cacheHits", usage == null ? 0L : usage.cacheHits());
        u.put("promptTokens", usage == null ? 0L : usage.promptTokens());
        u.put("completionTokens", usage == null ? 0L : usage.completionTokens());
        u.put("cost", usage == null ? null : usage.cost());
        m.put("usage", u);
        List<Map<String, Object>> langs = new ArrayList<>();
        for (RunDocument.Language l : run.languages()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("lang", text(l.lang()));
            x.put("language", text(l.language()));
            x.put("suite", text(l.suite()));
            int pairs = l.pairs();
            x.put("pairs", pairs);
            x.put("graded", l.graded());
            x.put("weak", l.weak() + l.knownWeak());
            x.put("englishAccuracy", l.englishAccuracy());
            x.put("targetAccuracy", l.targetAccuracy());
            x.put("gap", l.gap());
            x.put("gapLower", l.gapLower());
            x.put("gapUpper", l.gapUpper());
            x.put("maxGap", l.maxGap());
            x.put("verdict", text(l.verdict()));
            // what fails the build beside a FAIL verdict of the gap (run.json from this version on)
            List<String> fails = new ArrayList<>();
            if (l.coverageFails()) {
                fails.add("coverage " + percent(l.coverage()));
            }
            if (l.gapFails() && !"FAIL".equals(l.verdict())) {
                fails.add(l.gapUnderpowered() ? "underpowered" : "gap");
            }
            if (l.regression() != null && l.regression().fails()) {
                fails.add("regression");
            }
            x.put("fails", String.join(", ", fails));
            x.put("gates", Gates.of(l));
            x.put("unparseableRate", pairs == 0 ? null : l.unparseable() / (double) pairs);
            x.put("errorRate", pairs == 0 ? null : l.errors() / (double) pairs);
            langs.add(x);
        }
        m.put("languages", langs);
        List<Map<String, Object>> weak = new ArrayList<>();
        List<Map<String, Object>> unparseable = new ArrayList<>();
        for (RunDocument.PairResult p : run.pairs()) {
            if ("unparseable".equals(p.outcome()) && unparseable.size() < WEAK_PAIRS_LISTED) {
                Map<String, Object> un = new LinkedHashMap<>();
                un.put("id", text(p.id()));
                un.put("lang", text(p.lang()));
                un.put("englishAnswer", String.join(" | ", answers(p.en())));
                un.put("targetAnswer", String.join(" | ", answers(p.target())));
                unparseable.add(un);
            }
            if (!p.weak()) {
                continue;
            }
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("id", text(p.id()));
            w.put("lang", text(p.lang()));
            w.put("suite", text(p.suite()));
            w.put("new", newWeak == null ? null : newWeak.contains(text(p.id())));
            String[] q = texts.get(text(p.suite()) + '\u001f' + text(p.id()));
            w.put("englishQuestion", q == null ? null : q[0]);
            w.put("targetQuestion", q == null ? null : q[1]);
            w.put("englishChosen", p.en() == null ? "" : text(p.en().chosen()));
            w.put("targetChosen", p.target() == null ? "" : text(p.target().chosen()));
            w.put("expected", p.target() == null ? "" : text(p.target().expected()));
            w.put("englishAnswer", String.join(" | ", answers(p.en())));
            w.put("targetAnswer", String.join(" | ", answers(p.target())));
            weak.add(w);
        }
        // what matters first: new weak pairs (regressions against the reference), then by language and id
        weak.sort(java.util.Comparator.comparing((Map<String, Object> w) -> !Boolean.TRUE.equals(w.get("new")))
                .thenComparing(w -> (String) w.get("lang")).thenComparing(w -> (String) w.get("id")));
        int weakTotal = weak.size();
        m.put("newWeakTotal", newWeak == null ? null : weak.stream().filter(w -> Boolean.TRUE.equals(w.get("new"))).count());
        m.put("weakPairs", weak);
        m.put("weakPairsTotal", weakTotal);
        m.put("unparseablePairs", unparseable);
        return m;
    }

    private static List<String> answers(RunDocument.Side side) {
        return side == null || side.answers() == null ? List.of() : side.answers();
    }

    /** A text field of the record, empty where the file has none. */
    private static String text(String s) {
        return s == null ? "" : s;
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
    private static Map<String, Object> diff(Map<String, String> before, String refLabel, RunDocument run, String label) {
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

    /** What a diff is taken against: a baseline file's or a run record's model and outcomes. */
    private record Reference(String model, Map<String, String> outcomes) {
    }

    /** The one field read before the file's type is known. */
    private record Format(String format) {
    }

    private static Reference readBaseline(Path f) {
        Format format;
        try {
            format = JSON.readValue(f.toFile(), Format.class);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            format = null; // JSON, but not an object with a format
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": cannot read the baseline: " + e.getMessage(), e);
        }
        String tag = format == null ? "" : String.valueOf(format.format());
        if (RunDocument.FORMAT.equals(tag)) {
            RunDocument run = RunDocument.read(f);
            return new Reference(run.model(), outcomes(run));
        }
        if (!Baseline.FORMAT.equals(tag)) {
            throw new IllegalArgumentException(f + ": not a baseline (clp-baseline/v1) or run record (clp-run/v1)");
        }
        Baseline b = Baseline.read(f);
        Map<String, String> m = new LinkedHashMap<>();
        b.pairs().values().forEach(bySuite -> bySuite.forEach((id, p) -> m.put(p.lang() + '\u001f' + id, p.outcome())));
        return new Reference(b.model(), m);
    }

    /** Outcome per lang + pair id. */
    static Map<String, String> outcomes(RunDocument run) {
        Map<String, String> m = new LinkedHashMap<>();
        for (RunDocument.PairResult p : run.pairs()) {
            m.put(text(p.lang()) + '\u001f' + text(p.id()), text(p.outcome()));
        }
        return m;
    }

    /** A language's graded source questions (run-qualified keys) and the weak ones among them. */
    record Questions(Set<String> graded, Set<String> weak) {
    }

    /** Questions (by source question key) per language, and which of them were weak. */
    static Map<String, Questions> questions(List<RunDocument> runs) {
        Map<String, Questions> byLang = new TreeMap<>();
        for (int r = 0; r < runs.size(); r++) {
            for (RunDocument.PairResult p : runs.get(r).pairs()) {
                String outcome = p.outcome();
                if (!"weak".equals(outcome) && !"consistent".equals(outcome)) {
                    continue; // only pairs that measure a gap: English right
                }
                String q = r + ":" + (p.question() != null ? p.question() : text(p.id()));
                Questions sets = byLang.computeIfAbsent(text(p.lang()),
                        k -> new Questions(new HashSet<>(), new HashSet<>()));
                sets.graded().add(q);
                if ("weak".equals(outcome)) {
                    sets.weak().add(q);
                }
            }
        }
        return byLang;
    }

    private static String percent(Double v) {
        return v == null ? "–" : String.format(java.util.Locale.ROOT, "%.0f%%", v * 100);
    }
}

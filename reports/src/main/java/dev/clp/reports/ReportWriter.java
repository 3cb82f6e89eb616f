package dev.clp.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.clp.scoring.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Renders a {@link RunReport} as {@code report.json}, {@code report.md} (for {@code $GITHUB_STEP_SUMMARY}) and
 * {@code report.html}: one self-contained page, the charts drawn by Apache ECharts (from Maven Central, inlined:
 * no CDN, works offline). Every text from runs, suites or models is escaped where it is rendered: HTML-escaped in
 * the page, JSON-escaped with {@code <}, {@code >} and {@code &} as unicode escapes inside the page's data block,
 * Markdown-escaped in the summary; charts show tooltips as rich text, never HTML.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.5.0/echarts.min.js";

    private ReportWriter() {
    }

    /** The files written. */
    public record Written(Path html, Path markdown, Path json) {
    }

    /** Writes the three files into {@code dir}. */
    public static Written write(RunReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve("report.json");
            Path md = dir.resolve("report.md");
            Path html = dir.resolve("report.html");
            Files.writeString(json, json(report), StandardCharsets.UTF_8);
            Files.writeString(md, markdown(report), StandardCharsets.UTF_8);
            Files.writeString(html, html(report), StandardCharsets.UTF_8);
            return new Written(html, md, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    public static String json(RunReport report) {
        try {
            return JSON.writeValueAsString(report.content()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Markdown

    @SuppressWarnings("unchecked")
    public static String markdown(RunReport report) {
        Map<String, Object> c = report.content();
        StringBuilder md = new StringBuilder("## clp-harness report\n\n");
        if (Boolean.TRUE.equals(c.get("simulated"))) {
            md.append("> **SIMULATED**: the offline simulator answered in at least one run; its figures say nothing about"
                    + " a real model.\n\n");
        }
        for (Map<String, Object> run : runs(c)) {
            md.append("### ").append(md(run.get("label"))).append("\n\n");
            for (Map<String, Object> l : (List<Map<String, Object>>) run.get("languages")) {
                for (Map<String, Object> g : (List<Map<String, Object>>) l.get("gates")) {
                    if (Boolean.TRUE.equals(g.get("fails"))) {
                        md.append("- ❌ ").append(md(l.get("lang"))).append(" ").append(md(g.get("kind")))
                                .append(" gate ").append(md(g.get("verdict"))).append(": ").append(md(g.get("figures")))
                                .append('\n');
                    }
                }
            }
            md.append('\n');
            md.append("| lang | language | pairs | English | target | gap | bounds | verdict | unparseable | errors |\n");
            md.append("|---|---|---:|---:|---:|---:|---|---|---:|---:|\n");
            for (Map<String, Object> l : (List<Map<String, Object>>) run.get("languages")) {
                md.append("| ").append(md(l.get("lang"))).append(" | ").append(md(l.get("language"))).append(" | ")
                        .append(l.get("pairs")).append(" | ").append(pct(l.get("englishAccuracy"))).append(" | ")
                        .append(pct(l.get("targetAccuracy"))).append(" | ").append(points(l.get("gap"))).append(" | ")
                        .append(bounds(l)).append(" | ").append(md(verdictText(l))).append(" | ")
                        .append(pct(l.get("unparseableRate"))).append(" | ").append(pct(l.get("errorRate")))
                        .append(" |\n");
            }
            Map<String, Object> u = (Map<String, Object>) run.get("usage");
            md.append("\nTokens: ").append(u.get("promptTokens")).append(" in, ").append(u.get("completionTokens"))
                    .append(" out; model calls ").append(u.get("modelCalls")).append(", cache hits ")
                    .append(u.get("cacheHits")).append(u.get("cost") == null ? "" : String.format(Locale.ROOT,
                            "; cost $%.4f", ((Number) u.get("cost")).doubleValue())).append("\n\n");
        }
        Map<String, Object> gm = (Map<String, Object>) c.get("gapMatrix");
        List<String> langs = (List<String>) gm.get("languages");
        if (runs(c).size() > 1) {
            md.append("### Gap by model and language (points)\n\n| model |");
            langs.forEach(l -> md.append(' ').append(md(l)).append(" |"));
            md.append("\n|---|").append("---:|".repeat(langs.size())).append('\n');
            List<String> rows = (List<String>) gm.get("runs");
            List<List<Double>> gaps = (List<List<Double>>) gm.get("gap");
            for (int i = 0; i < rows.size(); i++) {
                md.append("| ").append(md(rows.get(i))).append(" |");
                gaps.get(i).forEach(g -> md.append(' ').append(points(g)).append(" |"));
                md.append('\n');
            }
            md.append('\n');
        }
        if (c.get("diffs") != null) {
            for (Map<String, Object> d : (List<Map<String, Object>>) c.get("diffs")) {
                md.append("### ").append(md(d.get("run"))).append(" against ").append(md(d.get("reference")))
                        .append("\n\n| lang | new weak | fixed | still weak |\n|---|---:|---:|---:|\n");
                ((Map<String, Map<String, Integer>>) d.get("byLanguage")).forEach((lang, v) -> md.append("| ")
                        .append(md(lang)).append(" | ").append(v.get("newWeak")).append(" | ").append(v.get("fixed"))
                        .append(" | ").append(v.get("stillWeak")).append(" |\n"));
                md.append('\n');
            }
        }
        Map<String, Object> a = (Map<String, Object>) c.get("affinity");
        List<String> al = (List<String>) a.get("languages");
        if (!al.isEmpty()) {
            md.append("### Language affinity (clustered order)\n\n").append(md(a.get("definition"))).append("\n\n| |");
            al.forEach(l -> md.append(' ').append(md(l)).append(" |"));
            md.append("\n|---|").append("---:|".repeat(al.size())).append('\n');
            List<List<Double>> m = (List<List<Double>>) a.get("matrix");
            for (int i = 0; i < al.size(); i++) {
                md.append("| ").append(md(al.get(i))).append(" |");
                m.get(i).forEach(v -> md.append(' ').append(v == null ? "–" : String.format(Locale.ROOT, "%.2f", v))
                        .append(" |"));
                md.append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    // ---- HTML

    @SuppressWarnings("unchecked")
    public static String html(RunReport report) {
        Map<String, Object> c = report.content();
        StringBuilder h = new StringBuilder(1_200_000);
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>clp-harness report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>clp-harness report</h1>\n");
        if (Boolean.TRUE.equals(c.get("simulated"))) {
            h.append("<p class=\"banner\"><strong>SIMULATED</strong>: the offline simulator answered in at least one "
                    + "run; its figures say nothing about a real model.</p>\n");
        }
        h.append("<ul class=\"runs\">\n");
        for (Map<String, Object> run : runs(c)) {
            h.append("<li><strong>").append(esc(run.get("label"))).append("</strong> — ").append(esc(run.get("file")))
                    .append(", started ").append(esc(run.get("startedAt"))).append("</li>\n");
        }
        h.append("</ul>\n");
        failedGates(h, c);
        weakPairs(h, c);
        h.append("<nav><a href=\"#failed-gates\">failed gates</a> · <a href=\"#weak\">weak pairs</a> · ")
                .append("<a href=\"#accuracy\">accuracy</a> · <a href=\"#gaps\">gaps</a> · ")
                .append("<a href=\"#heatmap\">model × language</a> · <a href=\"#diff\">diff</a> · ")
                .append("<a href=\"#usage\">tokens and cost</a> · <a href=\"#affinity\">affinity</a> · ")
                .append("<a href=\"#unparseable\">unparseable</a></nav>\n");
        h.append("<h2 id=\"accuracy\">English and target accuracy per language</h2>\n")
                .append("<div id=\"chart-accuracy\" class=\"chart\"></div>\n");
        h.append("<h2 id=\"gaps\">Gap per language</h2>\n");
        for (Map<String, Object> run : runs(c)) {
            h.append("<h3>").append(esc(run.get("label"))).append("</h3>\n<table class=\"gaps\"><thead><tr>")
                    .append("<th>lang</th><th>language</th><th>pairs</th><th>English</th><th>target</th><th>gap</th>")
                    .append("<th>bounds</th><th>verdict</th><th>unparseable</th><th>errors</th></tr></thead><tbody>\n");
            for (Map<String, Object> l : (List<Map<String, Object>>) run.get("languages")) {
                h.append("<tr><td>").append(esc(l.get("lang"))).append("</td><td>").append(esc(l.get("language")))
                        .append("</td><td class=\"num\">").append(l.get("pairs")).append("</td><td class=\"num\">")
                        .append(pct(l.get("englishAccuracy"))).append("</td><td class=\"num\">")
                        .append(pct(l.get("targetAccuracy"))).append("</td><td class=\"num\">")
                        .append(points(l.get("gap"))).append("</td><td class=\"num\">").append(esc(bounds(l)))
                        .append("</td><td class=\"").append(esc(failing(l) ? "FAIL" : l.get("verdict"))).append("\">")
                        .append(esc(verdictText(l))).append("</td><td class=\"num\">")
                        .append(pct(l.get("unparseableRate"))).append("</td><td class=\"num\">")
                        .append(pct(l.get("errorRate"))).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h2 id=\"heatmap\">Gap by model and language</h2>\n");
        if (runs(c).size() > 1) {
            h.append("<div id=\"chart-heatmap\" class=\"chart short\"></div>\n");
        } else {
            h.append("<p>One run: give several runs (models or checkpoints) to compare them.</p>\n");
        }
        h.append("<h2 id=\"diff\">New weak, fixed and still weak pairs</h2>\n");
        if (c.get("diffs") == null) {
            h.append("<p>One run and no baseline (<code>--baseline</code>): nothing to compare with.</p>\n");
        } else {
            for (Map<String, Object> d : (List<Map<String, Object>>) c.get("diffs")) {
                h.append("<h3>").append(esc(d.get("run"))).append(" against ").append(esc(d.get("reference")))
                        .append("</h3>\n<table><thead><tr><th>lang</th><th>new weak</th><th>fixed</th>")
                        .append("<th>still weak</th></tr></thead><tbody>\n");
                ((Map<String, Map<String, Integer>>) d.get("byLanguage")).forEach((lang, v) -> h.append("<tr><td>")
                        .append(esc(lang)).append("</td><td class=\"num\">").append(v.get("newWeak"))
                        .append("</td><td class=\"num\">").append(v.get("fixed")).append("</td><td class=\"num\">")
                        .append(v.get("stillWeak")).append("</td></tr>\n"));
                h.append("</tbody></table>\n");
            }
        }
        h.append("<h2 id=\"usage\">Tokens and cost</h2>\n<table><thead><tr><th>run</th><th>model calls</th>")
                .append("<th>cache hits</th><th>tokens in</th><th>tokens out</th><th>cost</th></tr></thead><tbody>\n");
        for (Map<String, Object> run : runs(c)) {
            Map<String, Object> u = (Map<String, Object>) run.get("usage");
            h.append("<tr><td>").append(esc(run.get("label"))).append("</td><td class=\"num\">").append(u.get("modelCalls"))
                    .append("</td><td class=\"num\">").append(u.get("cacheHits")).append("</td><td class=\"num\">")
                    .append(u.get("promptTokens")).append("</td><td class=\"num\">").append(u.get("completionTokens"))
                    .append("</td><td class=\"num\">").append(u.get("cost") == null ? "–" : String.format(Locale.ROOT,
                            "$%.4f", ((Number) u.get("cost")).doubleValue())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        Map<String, Object> a = (Map<String, Object>) c.get("affinity");
        h.append("<h2 id=\"affinity\">Language affinity</h2>\n<p>").append(esc(a.get("definition"))).append("</p>\n");
        if (((List<?>) a.get("languages")).isEmpty()) {
            h.append("<p>No weak pairs shared between languages.</p>\n");
        } else {
            h.append("<div id=\"chart-affinity\" class=\"chart square\"></div>\n");
        }
        h.append("<h2 id=\"unparseable\">Unparseable answers</h2>\n<p>Answers no extractor layer could read, as given."
                + "</p>\n");
        for (Map<String, Object> run : runs(c)) {
            List<Map<String, Object>> un = (List<Map<String, Object>>) run.get("unparseablePairs");
            h.append("<h3>").append(esc(run.get("label"))).append(": ").append(un.size()).append("</h3>\n");
            if (un.isEmpty()) {
                continue;
            }
            h.append("<table class=\"weak\"><thead><tr><th>pair</th><th>lang</th><th>English answer</th>")
                    .append("<th>target answer</th></tr></thead><tbody>\n");
            for (Map<String, Object> u : un) {
                h.append("<tr><td class=\"id\">").append(esc(u.get("id"))).append("</td><td>").append(esc(u.get("lang")))
                        .append("</td><td class=\"answer\">").append(esc(u.get("englishAnswer")))
                        .append("</td><td class=\"answer\" dir=\"auto\" lang=\"").append(esc(u.get("lang"))).append("\">")
                        .append(esc(u.get("targetAnswer"))).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<script type=\"application/json\" id=\"clp-data\">").append(scriptJson(chartData(c)))
                .append("</script>\n")
                .append("<script>\n").append(echarts()).append("\n</script>\n<script>\n").append(CHARTS)
                .append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Weak pairs shown per language in the page (new first); report.json holds all of them. */
    static final int WEAK_ROWS = 50;

    /** The first screen: every gate that fails the build, with its figures, per run. */
    @SuppressWarnings("unchecked")
    private static void failedGates(StringBuilder h, Map<String, Object> c) {
        h.append("<section id=\"failed-gates\">\n<h2>Gates that fail the build</h2>\n");
        for (Map<String, Object> run : runs(c)) {
            List<Map<String, Object>> langs = (List<Map<String, Object>>) run.get("languages");
            long failing = langs.stream().filter(ReportWriter::fails).count();
            Object newWeak = run.get("newWeakTotal");
            h.append("<h3>").append(esc(run.get("label"))).append(": ").append(failing).append(" of ")
                    .append(langs.size()).append(" languages fail; ").append(run.get("weakPairsTotal")).append(" weak pairs")
                    .append(newWeak == null ? "" : ", " + newWeak + " new against " + esc(reference(c, run))).append("</h3>\n");
            if (failing == 0) {
                h.append("<p class=\"PASS\">Every gate passes.</p>\n");
                continue;
            }
            h.append("<table class=\"gates\"><thead><tr><th>language</th><th>gate</th><th>verdict</th><th>figures</th>")
                    .append("</tr></thead><tbody>\n");
            for (Map<String, Object> l : langs) {
                for (Map<String, Object> g : (List<Map<String, Object>>) l.get("gates")) {
                    if (Boolean.TRUE.equals(g.get("fails"))) {
                        h.append("<tr><td>").append(esc(l.get("lang"))).append(" · ").append(esc(l.get("language")))
                                .append("</td><td>").append(esc(g.get("kind"))).append(" gate</td><td class=\"FAIL\">")
                                .append(esc(g.get("verdict"))).append("</td><td>").append(esc(g.get("figures")))
                                .append("</td></tr>\n");
                    }
                }
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }

    /** Per run and language, failing languages first and open, new weak pairs first, both questions and answers. */
    @SuppressWarnings("unchecked")
    private static void weakPairs(StringBuilder h, Map<String, Object> c) {
        h.append("<section id=\"weak\">\n<h2>Weak pairs</h2>\n<p>English right, target wrong; failing languages first, ")
                .append("new weak pairs (against the reference run or baseline) first; questions from the suites, ")
                .append("answers as the model gave them. At most ").append(WEAK_ROWS)
                .append(" per language here, all in report.json.</p>\n");
        for (Map<String, Object> run : runs(c)) {
            List<Map<String, Object>> weak = (List<Map<String, Object>>) run.get("weakPairs");
            Map<String, List<Map<String, Object>>> byLang = new java.util.LinkedHashMap<>();
            weak.forEach(w -> byLang.computeIfAbsent((String) w.get("lang"), k -> new java.util.ArrayList<>()).add(w));
            List<Map<String, Object>> langs = new java.util.ArrayList<>((List<Map<String, Object>>) run.get("languages"));
            langs.sort(java.util.Comparator.comparing((Map<String, Object> l) -> !fails(l))
                    .thenComparing(l -> -newCount(byLang.get((String) l.get("lang"))))
                    .thenComparing(l -> -byLang.getOrDefault((String) l.get("lang"), List.of()).size()));
            h.append("<h3>").append(esc(run.get("label"))).append("</h3>\n");
            for (Map<String, Object> l : langs) {
                List<Map<String, Object>> rows = byLang.getOrDefault((String) l.get("lang"), List.of());
                if (rows.isEmpty()) {
                    continue;
                }
                long fresh = newCount(rows);
                h.append("<details").append(fails(l) ? " open" : "").append("><summary>")
                        .append(esc(l.get("lang"))).append(" · ").append(esc(l.get("language"))).append(": ")
                        .append(rows.size()).append(" weak").append(run.get("newWeakTotal") == null ? "" : ", " + fresh + " new")
                        .append(fails(l) ? " — <span class=\"FAIL\">gates fail</span>" : "")
                        .append(rows.size() > WEAK_ROWS ? " (first " + WEAK_ROWS + " shown)" : "").append("</summary>\n")
                        .append("<table class=\"weak\"><thead><tr><th>pair</th><th></th><th>English question</th>")
                        .append("<th>target question</th><th>expected</th><th>English answer</th><th>target answer</th>")
                        .append("</tr></thead><tbody>\n");
                String lang = esc(l.get("lang"));
                for (Map<String, Object> w : rows.subList(0, Math.min(WEAK_ROWS, rows.size()))) {
                    boolean isNew = Boolean.TRUE.equals(w.get("new"));
                    h.append("<tr").append(isNew ? " class=\"new\"" : "").append("><td class=\"id\">").append(esc(w.get("id")))
                            .append("</td><td>").append(isNew ? "NEW" : "").append("</td><td class=\"answer\">")
                            .append(w.get("englishQuestion") == null ? "–" : esc(w.get("englishQuestion")))
                            .append("</td><td class=\"answer\" dir=\"auto\" lang=\"").append(lang).append("\">")
                            .append(w.get("targetQuestion") == null ? "–" : esc(w.get("targetQuestion")))
                            .append("</td><td>").append(esc(w.get("expected"))).append("</td><td class=\"answer\">")
                            .append(esc(w.get("englishAnswer"))).append("</td><td class=\"answer\" dir=\"auto\" lang=\"")
                            .append(lang).append("\">").append(esc(w.get("targetAnswer"))).append("</td></tr>\n");
                }
                h.append("</tbody></table>\n</details>\n");
            }
        }
        h.append("</section>\n");
    }

    private static long newCount(List<Map<String, Object>> rows) {
        return rows == null ? 0 : rows.stream().filter(w -> Boolean.TRUE.equals(w.get("new"))).count();
    }

    /** Whether any gate of the language fails the build. */
    @SuppressWarnings("unchecked")
    private static boolean fails(Map<String, Object> l) {
        Object gates = l.get("gates");
        return gates != null && ((List<Map<String, Object>>) gates).stream().anyMatch(g -> Boolean.TRUE.equals(g.get("fails")));
    }

    /** What a run's new weak pairs are new against. */
    @SuppressWarnings("unchecked")
    private static String reference(Map<String, Object> c, Map<String, Object> run) {
        Object diffs = c.get("diffs");
        if (diffs != null) {
            for (Map<String, Object> d : (List<Map<String, Object>>) diffs) {
                if (run.get("label").equals(d.get("run"))) {
                    return String.valueOf(d.get("reference"));
                }
            }
        }
        return "the reference";
    }

    /** What the charts read: not the pairs (the page stays small for 5,000+ pairs). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> chartData(Map<String, Object> c) {
        Map<String, Object> d = new java.util.LinkedHashMap<>();
        d.put("languages", c.get("languages"));
        List<Map<String, Object>> runs = new java.util.ArrayList<>();
        for (Map<String, Object> run : runs(c)) {
            List<Map<String, Object>> langs = new java.util.ArrayList<>();
            for (Map<String, Object> l : (List<Map<String, Object>>) run.get("languages")) {
                Map<String, Object> x = new java.util.LinkedHashMap<>();
                x.put("lang", l.get("lang"));
                x.put("englishAccuracy", l.get("englishAccuracy"));
                x.put("targetAccuracy", l.get("targetAccuracy"));
                langs.add(x);
            }
            runs.add(Map.of("label", run.get("label"), "languages", langs));
        }
        d.put("runs", runs);
        d.put("gapMatrix", c.get("gapMatrix"));
        Map<String, Object> a = (Map<String, Object>) c.get("affinity");
        d.put("affinity", Map.of("languages", a.get("languages"), "matrix", a.get("matrix")));
        return d;
    }

    private static final String CSS = """
            body { font-family: "Noto Sans", "Noto Sans Ethiopic", "Noto Sans Bengali", "Noto Sans Devanagari",
                   "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR",
                   "DejaVu Sans", sans-serif; margin: 24px auto; max-width: 1280px; padding: 0 16px; color: #222; }
            h1 { font-size: 24px; } h2 { font-size: 19px; margin-top: 32px; } h3 { font-size: 15px; }
            table { border-collapse: collapse; margin: 8px 0 20px; font-size: 13px; }
            th, td { border: 1px solid #ccc; padding: 3px 7px; vertical-align: top; text-align: start; }
            th { background: #f3f3f3; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.answer { max-width: 420px; overflow-wrap: anywhere; white-space: pre-wrap; }
            td.id { font-family: monospace; white-space: nowrap; }
            .chart { width: 100%; height: 440px; } .chart.short { height: 300px; } .chart.square { height: 620px; }
            .banner { background: #fff3cd; border: 1px solid #e0c060; padding: 8px 12px; }
            .FAIL { color: #b00020; font-weight: bold; } .PASS { color: #1b5e20; } .INCONCLUSIVE { color: #8a6d00; }
            nav { margin: 8px 0 16px; font-size: 14px; }
            tr.new td { background: #fdecea; } details { margin: 6px 0; } summary { cursor: pointer; font-size: 14px; }
            """;

    /** Draws the charts from the data block; tooltips as rich text, never HTML. */
    private static final String CHARTS = """
            (function () {
              var data = JSON.parse(document.getElementById('clp-data').textContent);
              var pct = function (v) { return v == null ? null : Math.round(v * 1000) / 10; };
              var base = { animation: false, tooltip: { trigger: 'item', renderMode: 'richText' } };
              var langs = data.languages;
              var series = [];
              data.runs.forEach(function (run) {
                var by = {};
                run.languages.forEach(function (l) { by[l.lang] = l; });
                series.push({ name: run.label + ' · English', type: 'bar',
                  data: langs.map(function (l) { return by[l] ? pct(by[l].englishAccuracy) : null; }) });
                series.push({ name: run.label + ' · target', type: 'bar',
                  data: langs.map(function (l) { return by[l] ? pct(by[l].targetAccuracy) : null; }) });
              });
              var chart = function (id, option) {
                var el = document.getElementById(id);
                if (!el) { return; }
                echarts.init(el, null, { renderer: 'svg' }).setOption(Object.assign({}, base, option));
              };
              chart('chart-accuracy', { legend: { top: 0, type: 'scroll' }, grid: { top: 40, left: 50, right: 20, bottom: 40 },
                xAxis: { type: 'category', data: langs, axisLabel: { interval: 0 } },
                yAxis: { type: 'value', max: 100, name: '% right' }, series: series });
              var gm = data.gapMatrix, cells = [];
              gm.gap.forEach(function (row, y) { row.forEach(function (v, x) {
                if (v != null) { cells.push([x, y, Math.round(v * 1000) / 10]); } }); });
              chart('chart-heatmap', { grid: { top: 10, left: 180, right: 90, bottom: 40 },
                xAxis: { type: 'category', data: gm.languages, axisLabel: { interval: 0 } },
                yAxis: { type: 'category', data: gm.runs },
                visualMap: { min: -10, max: 60, calculable: true, orient: 'vertical', right: 0, top: 'center',
                  inRange: { color: ['#2c7bb6', '#ffffbf', '#d7191c'] } },
                series: [{ type: 'heatmap', data: cells, label: { show: true } }] });
              var af = data.affinity, acells = [];
              af.matrix.forEach(function (row, y) { row.forEach(function (v, x) {
                if (v != null) { acells.push([x, y, v]); } }); });
              chart('chart-affinity', { grid: { top: 10, left: 60, right: 90, bottom: 60 },
                xAxis: { type: 'category', data: af.languages, axisLabel: { interval: 0 } },
                yAxis: { type: 'category', data: af.languages, inverse: true },
                visualMap: { min: 0, max: 2, calculable: true, orient: 'vertical', right: 0, top: 'center',
                  inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] } },
                series: [{ type: 'heatmap', data: acells, label: { show: af.languages.length <= 16, fontSize: 10 } }] });
              document.documentElement.setAttribute('data-charts', 'ready');
              document.documentElement.setAttribute('data-scroll-width', String(document.documentElement.scrollWidth));
            })();
            """;

    private static String echarts() {
        try (InputStream in = ReportWriter.class.getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException(ECHARTS + " is missing: the reports module depends on org.webjars:echarts");
            }
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // a script element ends at the first "</script": the library must not contain one
            return js.replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ECHARTS, e);
        }
    }

    /** JSON safe inside a script element: no markup characters survive. */
    static String scriptJson(Object content) {
        try {
            return new ObjectMapper().writeValueAsString(content).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HTML text and attribute escaping. */
    static String esc(Object o) {
        return UntrustedText.html(o == null ? null : o.toString());
    }

    private static String md(Object o) {
        return MarkdownSummary.escape(o == null ? "" : o.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> runs(Map<String, Object> c) {
        return (List<Map<String, Object>>) c.get("runs");
    }

    private static String pct(Object v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f%%", ((Number) v).doubleValue() * 100);
    }

    private static String points(Object v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%+.1f", ((Number) v).doubleValue() * 100);
    }

    private static String bounds(Map<String, Object> l) {
        return l.get("gapLower") == null ? "–" : "[" + points(l.get("gapLower")) + ", " + points(l.get("gapUpper")) + "]";
    }

    /** Whether a gate of the language fails the build although the gap's verdict is no FAIL. */
    private static boolean failing(Map<String, Object> l) {
        Object fails = l.get("fails");
        return fails != null && !fails.toString().isEmpty();
    }

    /** The gap's verdict and, where another gate fails the build, which (coverage, underpowered, regression). */
    private static String verdictText(Map<String, Object> l) {
        return failing(l) ? l.get("verdict") + " (fails: " + l.get("fails") + ")" : String.valueOf(l.get("verdict"));
    }
}

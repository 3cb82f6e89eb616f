package dev.clp.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clp.scoring.RunRecord;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Renders {@code run.json} as a Markdown summary (GitHub's {@code $GITHUB_STEP_SUMMARY}): the model, a
 * SIMULATED banner when the simulator answered, and one table row per language with accuracies, the gap,
 * its bounds and the verdict. Text that came from suites or models is escaped for Markdown and HTML.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MarkdownSummary {

    private MarkdownSummary() {
    }

    public static String render(Path runJson) {
        JsonNode run = RunRecord.read(runJson);
        StringBuilder md = new StringBuilder();
        md.append("## clp-harness: ").append(escape(run.path("model").asText())).append("\n\n");
        if (run.path("simulated").asBoolean()) {
            md.append("> **SIMULATED**: the offline simulator answered; these figures say nothing about any real model.\n\n");
        }
        boolean regression = false;
        for (JsonNode l : run.path("languages")) {
            regression |= l.has("regression");
        }
        md.append("| lang | language | pairs | coverage | English | target | gap | bounds | verdict |")
                .append(regression ? " regression vs baseline | MDE |" : "").append('\n');
        md.append("|---|---|---:|---:|---:|---:|---:|---|---|").append(regression ? "---|---:|" : "").append('\n');
        for (JsonNode l : run.path("languages")) {
            md.append("| ").append(escape(l.path("lang").asText()))
                    .append(" | ").append(escape(l.path("language").asText()))
                    .append(" | ").append(l.path("pairs").asInt())
                    .append(" | ").append(l.path("coverageFails").asBoolean(false) ? "❌ " : "")
                    .append(pct(l.get("coverage")))
                    .append(" | ").append(pct(l.get("englishAccuracy")))
                    .append(" | ").append(pct(l.get("targetAccuracy")))
                    .append(" | ").append(points(l.get("gap")))
                    .append(" | ").append(l.hasNonNull("gapLower")
                            ? "[" + points(l.get("gapLower")) + ", " + points(l.get("gapUpper")) + "]" : "–")
                    .append(" | ").append(outcome(l.path("verdict").asText(), l.path("gapFails").asBoolean(false),
                            l.path("gapUnderpowered").asBoolean(false)))
                    .append(" |");
            if (regression) {
                JsonNode r = l.path("regression");
                if (r.isMissingNode()) {
                    md.append(" no baseline | – |");
                } else {
                    md.append(' ').append(points(r.get("difference"))).append(" [").append(points(r.get("lower")))
                            .append(", ").append(points(r.get("upper"))).append("] ")
                            .append(outcome(r.path("verdict").asText(), r.path("fails").asBoolean(false),
                                    r.path("underpowered").asBoolean(false))).append(" | ")
                            .append(points(r.get("minimumDetectableEffect")).replace("+", "")).append(" |");
                }
            }
            md.append('\n');
        }
        JsonNode settings = run.path("settings");
        md.append(String.format(Locale.ROOT, "%nGap in points, English minus target; max gap %.1f points; verdicts use "
                + "Holm over the run's gates at family alpha %s. Coverage: pairs answered readably on both sides "
                + "(unreadable answers count as wrong in the gap); ❌ marks a gate that fails the build.%n",
                settings.path("maxGap").asDouble() * 100, settings.path("alpha").asText()));
        if (regression) {
            md.append("Regression: baseline (").append(escape(run.path("baselineModel").asText()))
                    .append(") minus candidate target accuracy on the same pairs; MDE: smallest regression detectable "
                            + "with 80% power.\n");
        }
        return md.toString();
    }

    /** A gate's verdict as the build sees it: a gate that fails without a FAIL (no data, underpowered) says so. */
    private static String outcome(String verdict, boolean fails, boolean underpowered) {
        String shown = verdict(verdict) + (underpowered ? " (underpowered)" : "");
        return fails && !"FAIL".equals(verdict) ? "❌ " + shown : shown;
    }

    private static String verdict(String v) {
        return switch (v) {
            case "FAIL" -> "❌ FAIL";
            case "PASS" -> "✅ PASS";
            case "INCONCLUSIVE" -> "⚠️ INCONCLUSIVE";
            default -> escape(v);
        };
    }

    private static String pct(JsonNode v) {
        return v == null || v.isNull() ? "–" : String.format(Locale.ROOT, "%.1f%%", v.asDouble() * 100);
    }

    private static String points(JsonNode v) {
        return v == null || v.isNull() ? "–" : String.format(Locale.ROOT, "%+.1f", v.asDouble() * 100);
    }

    /** Escapes text for a Markdown table cell rendered as HTML: no tags, no table breaks, no emphasis. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '|' -> sb.append("\\|");
                case '\n', '\r' -> sb.append(' ');
                case '*', '_', '`', '[', ']', '\\' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

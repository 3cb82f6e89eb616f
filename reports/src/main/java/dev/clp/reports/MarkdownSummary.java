package dev.clp.reports;

import dev.clp.run.RunDocument;
import dev.clp.run.RunSettings;
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
        RunDocument run = RunDocument.read(runJson);
        StringBuilder md = new StringBuilder();
        md.append("## clp-harness: ").append(escape(text(run.model()))).append("\n\n");
        if (run.simulated()) {
            md.append("> **SIMULATED**: the offline simulator answered; these figures say nothing about any real model.\n\n");
        }
        boolean regression = run.languages().stream().anyMatch(l -> l.regression() != null);
        md.append("| lang | language | pairs | coverage | English | target | gap | bounds | verdict |")
                .append(regression ? " regression vs baseline | MDE |" : "").append('\n');
        md.append("|---|---|---:|---:|---:|---:|---:|---|---|").append(regression ? "---|---:|" : "").append('\n');
        for (RunDocument.Language l : run.languages()) {
            md.append("| ").append(escape(text(l.lang())))
                    .append(" | ").append(escape(text(l.language())))
                    .append(" | ").append(l.pairs())
                    .append(" | ").append(l.coverageFails() ? "❌ " : "")
                    .append(pct(l.coverage()))
                    .append(" | ").append(pct(l.englishAccuracy()))
                    .append(" | ").append(pct(l.targetAccuracy()))
                    .append(" | ").append(points(l.gap()))
                    .append(" | ").append(l.gapLower() != null
                            ? "[" + points(l.gapLower()) + ", " + points(l.gapUpper()) + "]" : "–")
                    .append(" | ").append(outcome(text(l.verdict()), l.gapFails(), l.gapUnderpowered()))
                    .append(" |");
            if (regression) {
                RunDocument.Regression r = l.regression();
                if (r == null) {
                    md.append(" no baseline | – |");
                } else {
                    md.append(' ').append(points(r.difference())).append(" [").append(points(r.lower()))
                            .append(", ").append(points(r.upper())).append("] ")
                            .append(outcome(text(r.verdict()), r.fails(), r.underpowered())).append(" | ")
                            .append(points(r.minimumDetectableEffect()).replace("+", "")).append(" |");
                }
            }
            md.append('\n');
        }
        RunSettings settings = run.settings();
        md.append(String.format(Locale.ROOT, "%nGap in points, English minus target; max gap %.1f points; verdicts use "
                + "Holm over the run's gates at family alpha %s. Coverage: pairs answered readably on both sides "
                + "(unreadable answers count as wrong in the gap); ❌ marks a gate that fails the build.%n",
                settings == null ? 0.0 : settings.maxGap() * 100, settings == null ? "" : settings.alpha()));
        if (regression) {
            md.append("Regression: baseline (").append(escape(text(run.baselineModel())))
                    .append(") minus candidate target accuracy on the same pairs; MDE: smallest regression detectable "
                            + "with 80% power.\n");
        }
        return md.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
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

    private static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String points(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%+.1f", v * 100);
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

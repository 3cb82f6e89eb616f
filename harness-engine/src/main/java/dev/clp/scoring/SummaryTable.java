package dev.clp.scoring;

import dev.clp.suite.Languages;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/** The per-language verdict table printed at the end of a run. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SummaryTable {

    private SummaryTable() {
    }

    /**
     * Renders the table.
     *
     * @param model the model under test
     * @param simulated whether it was the simulator: the table then says SIMULATED, loudly
     * @param summaries one row each
     * @param resultsFile where {@code run.json} was written
     * @param elapsed how long the run took
     */
    public static String render(String model, boolean simulated, List<LanguageSummary> summaries, String resultsFile,
            Duration elapsed) {
        StringBuilder sb = new StringBuilder();
        sb.append("clp-harness: model ").append(model);
        if (simulated) {
            sb.append("  [SIMULATED: offline simulator, not a real model; results say nothing about any model]");
        }
        sb.append('\n');
        boolean manySuites = summaries.stream().map(LanguageSummary::suite).distinct().count() > 1;
        boolean regression = summaries.stream().anyMatch(s -> s.regression() != null);
        sb.append(String.format(Locale.ROOT, "%s%-5s %-10s %5s %8s %8s %7s  %-16s %-12s%s%n",
                manySuites ? String.format(Locale.ROOT, "%-12s ", "suite") : "",
                "lang", "language", "n", "English", "target", "gap", "bounds", "zone",
                regression ? String.format(Locale.ROOT, " %-28s %6s", "regression vs baseline", "MDE") : ""));
        for (LanguageSummary s : summaries) {
            GapStatistics st = s.stats();
            StringBuilder notes = new StringBuilder();
            LanguageSummary.Coverage c = s.coverage();
            GateResult coverage = s.result(GateResult.Kind.COVERAGE);
            if (coverage != null && coverage.fails()) {
                notes.append(String.format(Locale.ROOT, "  COVERAGE FAIL %.0f%%", c.share() * 100));
            }
            if (c.unreadableEnglish() > 0 || c.unreadableTarget() > 0 || s.errors() > 0) {
                notes.append("  ").append(c.unreadableTarget()).append(" target and ").append(c.unreadableEnglish())
                        .append(" English answers unreadable, ").append(s.errors()).append(" errors");
            }
            GateResult gapResult = s.result(GateResult.Kind.GAP);
            if (gapResult != null && gapResult.underpowered()) {
                notes.append(gapResult.fails() ? "  UNDERPOWERED (fails)" : "  underpowered");
            }
            if (s.notRun() > 0) {
                notes.append("  ").append(s.notRun()).append(" not run (budget)");
            }
            if (s.flaky() > 0) {
                notes.append("  ").append(s.flaky()).append(" flaky");
            }
            if (s.knownWeak() > 0) {
                notes.append("  ").append(s.knownWeak()).append(" of ").append(s.weak()).append(" weak known");
            }
            String reg = "";
            if (regression) {
                GateFamily.Decision r = s.regression();
                reg = r == null ? String.format(Locale.ROOT, " %-28s %6s", "no baseline", "-")
                        : String.format(Locale.ROOT, " %-28s %6s",
                                points(r.input().stats().difference()) + " " + bounds(r) + " "
                                        + outcome(s.result(GateResult.Kind.REGRESSION)),
                                points(r.minimumDetectableEffect()).replace("+", ""));
            }
            sb.append(String.format(Locale.ROOT, "%s%-5s %-10s %5d %8s %8s %7s  %-16s %-12s%s%s%n",
                    manySuites ? String.format(Locale.ROOT, "%-12s ", s.suite()) : "",
                    s.lang(), Languages.name(s.lang()), st.n(), pct(st.firstAccuracy()), pct(st.secondAccuracy()),
                    points(st.difference()), bounds(s.gap()), s.verdict(), reg, notes));
        }
        if (!summaries.isEmpty()) {
            GateFamily.Decision first = summaries.get(0).gap();
            // Holm's family is the gates that had data (GateFamily.decide), its bounds at alpha / m: a NO_DATA gate
            // is not in it, and a run that decided no gate has no family (it said "16 gates at family alpha 0.16")
            long gates = summaries.stream().mapToLong(s -> decided(s.gap()) + decided(s.regression())).sum();
            if (gates == 0) {
                sb.append(String.format(Locale.ROOT, "gap = English minus target accuracy, in points; no gap or "
                        + "regression gate was decided: no language had a graded pair (NO_DATA); max gap %.1f points%n",
                        summaries.get(0).maxGap() * 100));
            } else {
                sb.append(String.format(Locale.ROOT,
                        "gap = English minus target accuracy, in points; bounds are simultaneous one-sided %.2f%% bounds; "
                                + "zones use Holm over the run's %d gates at family alpha %s; max gap %.1f points%n",
                        (1 - first.boundsAlpha()) * 100, gates, trim(first.boundsAlpha() * gates),
                        summaries.get(0).maxGap() * 100));
            }
            if (regression) {
                sb.append("regression = baseline minus candidate target accuracy on the same pairs; "
                        + "MDE = smallest regression detectable with 80% power\n");
            }
            sb.append("unreadable answers count as wrong; below clp.gate.min-answered of its pairs answered readably on "
                    + "both sides a language fails its coverage gate; FAIL: at most alpha false alarms per run, pairs "
                    + "clustered by source question; PASS: measured wrong in at most 2% of runs (clp calibrate)\n");
        }
        return footer(sb, summaries, simulated, resultsFile, elapsed).toString();
    }

    /** 1 for a gate decided on data (in Holm's family), 0 for none or NO_DATA. */
    private static int decided(GateFamily.Decision d) {
        return d == null || d.verdict() == Verdict.NO_DATA ? 0 : 1;
    }

    /** The lines that close a run's table, a whole run's or a shard's: simulated, pairs per second, results file. */
    static StringBuilder footer(StringBuilder sb, List<LanguageSummary> summaries, boolean simulated,
            String resultsFile, Duration elapsed) {
        if (simulated) {
            sb.append("SIMULATED: set clp.model (or CLP_MODEL) to test a real model, e.g. -Dclp.model=openai:gpt-4o-mini\n");
        }
        int pairs = summaries.stream().mapToInt(LanguageSummary::pairs).sum();
        double seconds = elapsed.toNanos() / 1e9;
        sb.append(String.format(Locale.ROOT, "%d pairs in %.1f s (%.0f pairs/s)%n", pairs, seconds,
                seconds > 0 ? pairs / seconds : 0.0));
        if (resultsFile != null) {
            sb.append("results: ").append(resultsFile).append('\n');
        }
        return sb;
    }

    /** A gate's verdict as the build sees it: "(fails)" where it fails although not a FAIL (no data, underpowered). */
    private static String outcome(GateResult r) {
        return r.verdict() + (r.fails() && r.verdict() != Verdict.FAIL ? " (fails)" : "");
    }

    private static String trim(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : "-";
    }

    private static String points(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f", v * 100) : "-";
    }

    private static String bounds(GateFamily.Decision d) {
        if (!Double.isFinite(d.lower())) {
            return "-";
        }
        return String.format(Locale.ROOT, "[%+.1f, %+.1f]", d.lower() * 100, d.upper() * 100);
    }
}

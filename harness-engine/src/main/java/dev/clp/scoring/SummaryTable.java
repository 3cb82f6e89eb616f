package dev.clp.scoring;

import dev.clp.suite.Languages;
import java.util.List;
import java.util.Locale;

/** The per-language verdict table printed at the end of a run. */
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
     */
    public static String render(String model, boolean simulated, List<LanguageSummary> summaries, String resultsFile,
            java.time.Duration elapsed) {
        StringBuilder sb = new StringBuilder();
        sb.append("clp-harness: model ").append(model);
        if (simulated) {
            sb.append("  [SIMULATED: offline simulator, not a real model; results say nothing about any model]");
        }
        sb.append('\n');
        boolean manySuites = summaries.stream().map(LanguageSummary::suite).distinct().count() > 1;
        String head = String.format(Locale.ROOT, "%s%-5s %-10s %5s %8s %8s %7s  %-17s %s",
                manySuites ? String.format(Locale.ROOT, "%-12s ", "suite") : "",
                "lang", "language", "pairs", "English", "target", "gap", "bounds", "verdict");
        sb.append(head).append('\n');
        for (LanguageSummary s : summaries) {
            GapStatistics st = s.stats();
            String extra = "";
            if (s.unparseable() > 0 || s.errors() > 0) {
                extra = "  (" + s.unparseable() + " unparseable, " + s.errors() + " errors)";
            }
            sb.append(String.format(Locale.ROOT, "%s%-5s %-10s %5d %8s %8s %7s  %-17s %s%s",
                    manySuites ? String.format(Locale.ROOT, "%-12s ", s.suite()) : "",
                    s.lang(), Languages.name(s.lang()), s.pairs(), pct(st.englishAccuracy()), pct(st.targetAccuracy()),
                    points(st.gap()), bounds(st), s.verdict(), extra)).append('\n');
        }
        if (!summaries.isEmpty()) {
            LanguageSummary first = summaries.get(0);
            sb.append(String.format(Locale.ROOT,
                    "gap = English minus target accuracy, in points; bounds are one-sided %.2f%% confidence bounds "
                            + "(family alpha split over %d gates); verdict against max gap %s points%n",
                    first.confidence() * 100, summaries.size(), String.format(Locale.ROOT, "%.1f", first.maxGap() * 100)));
        }
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
        return sb.toString();
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : "-";
    }

    private static String points(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f", v * 100) : "-";
    }

    private static String bounds(GapStatistics st) {
        if (!Double.isFinite(st.lower())) {
            return "-";
        }
        return String.format(Locale.ROOT, "[%+.1f, %+.1f]", st.lower() * 100, st.upper() * 100);
    }
}

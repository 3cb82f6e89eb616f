package dev.clp.reports;

import dev.clp.run.RunDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A language's gates as the report shows them: kind, verdict, whether it fails the build, and its figures. */
final class Gates {

    private Gates() {
    }

    static List<Map<String, Object>> of(RunDocument.Language l) {
        List<Map<String, Object>> gates = new ArrayList<>();
        gates.add(gate("coverage", l.coverageFails() ? "FAIL" : "PASS", l.coverageFails(),
                l.covered() + " of " + l.pairs() + " pairs answered readably on both sides (" + pct(l.coverage()) + "); "
                        + l.unreadableEnglish() + " English and " + l.unreadableTarget() + " target answers unreadable, "
                        + l.errors() + " errors, " + l.notRun() + " not run"));
        String gapVerdict = l.verdict() == null ? "" : l.verdict();
        gates.add(gate("gap", gapVerdict, l.gapFails(), "English " + pct(l.englishAccuracy()) + ", target "
                + pct(l.targetAccuracy()) + ", gap " + points(l.gap()) + " points, bounds [" + points(l.gapLower()) + ", "
                + points(l.gapUpper()) + "], max " + points(l.maxGap()) + " points, n=" + l.graded()
                + (l.gapUnderpowered() ? "; underpowered: the suite cannot detect the threshold" : "")));
        RunDocument.Regression r = l.regression();
        if (r != null) {
            gates.add(gate("regression", r.verdict() == null ? "" : r.verdict(), r.fails(), "baseline "
                    + pct(r.baselineAccuracy()) + ", candidate " + pct(r.candidateAccuracy()) + ", difference "
                    + points(r.difference()) + " points, bounds [" + points(r.lower()) + ", " + points(r.upper())
                    + "], threshold " + points(r.threshold()) + " points, n=" + r.n()
                    + (r.pValue() == null ? "" : String.format(Locale.ROOT, ", p=%.3g", r.pValue()))
                    + (r.underpowered() ? "; underpowered" : "")));
        }
        return gates;
    }

    private static Map<String, Object> gate(String kind, String verdict, boolean fails, String figures) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("kind", kind);
        g.put("verdict", verdict);
        g.put("fails", fails);
        g.put("figures", figures);
        return g;
    }

    private static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    private static String points(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%+.1f", v * 100);
    }
}

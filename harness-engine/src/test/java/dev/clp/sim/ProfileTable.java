package dev.clp.sim;

import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.scoring.AnswerExtractor;
import dev.clp.scoring.Extraction;
import dev.clp.scoring.PromptRenderer;
import dev.clp.suite.Pair;
import dev.clp.suite.Side;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Simulated against expected accuracies, profiles x languages, and the table the calibration tests print. */
final class ProfileTable {

    private final String title;
    private final Map<String, double[]> cells = new LinkedHashMap<>();
    private double worst;
    private String worstCell = "";

    ProfileTable(String title) {
        this.title = title;
    }

    /** The shipped profiles, aliases left out. */
    static List<String> profiles() {
        return SimProfile.names().stream().filter(n -> !n.equals("default")).toList();
    }

    /** Share of the pairs answered right on one side, out of all pairs (as the paper counts). */
    static double accuracy(dev.clp.model.ModelClient sim, List<Pair> pairs, boolean english) {
        int right = 0;
        for (Pair p : pairs) {
            Side side = english ? p.en() : p.target();
            String lang = english ? "en" : p.lang();
            String text = sim.complete(new ChatRequest(List.of(ChatMessage.user(PromptRenderer.render(lang, side))),
                    0.0, 64, 0)).text();
            Extraction e = AnswerExtractor.extract(lang, text, side.choices());
            right += e instanceof Extraction.Choice c && c.index() == side.answer() ? 1 : 0;
        }
        return right / (double) pairs.size();
    }

    static List<String> strip(List<String> choices) {
        return choices.stream().map(String::strip).toList();
    }

    void put(String profile, String lang, double en, double target, SimProfile p) {
        double[] cell = {en, p.published("en", lang), target, p.published(lang, lang)};
        cells.put(profile + "/" + lang, cell);
        for (int i = 0; i < 3; i += 2) {
            double d = Math.abs(cell[i] - cell[i + 1]);
            if (d > worst) {
                worst = d;
                worstCell = profile + " " + lang + (i == 0 ? " English" : " target");
            }
        }
    }

    List<String> misses(String profile, String lang, SimProfile p, double en, double target) {
        List<String> out = new ArrayList<>();
        if (Math.abs(en - p.published("en", lang)) > PublishedProfilesTest.TOLERANCE) {
            out.add(String.format(Locale.ROOT, "%s %s English: %.1f vs %.1f", profile, lang, en * 100,
                    p.published("en", lang) * 100));
        }
        if (Math.abs(target - p.published(lang, lang)) > PublishedProfilesTest.TOLERANCE) {
            out.add(String.format(Locale.ROOT, "%s %s target: %.1f vs %.1f", profile, lang, target * 100,
                    p.published(lang, lang) * 100));
        }
        return out;
    }

    /**
     * The table as a Markdown document: one row per profile and language, the simulator's and the paper's accuracy
     * on each side and the larger deviation; what {@code docs/sim-vs-paper.md} holds.
     */
    String markdown(List<String> profiles, Collection<String> langs, String about) {
        StringBuilder out = new StringBuilder("# Simulator vs paper: every profile, every language\n\n").append(about)
                .append("\n\n| profile | language | English sim % | English paper % | target sim % | target paper % "
                        + "| deviation (points) |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (String profile : profiles) {
            for (String l : langs) {
                double[] c = cells.get(profile + "/" + l);
                double d = Math.max(Math.abs(c[0] - c[1]), Math.abs(c[2] - c[3]));
                out.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n", profile, l,
                        c[0] * 100, c[1] * 100, c[2] * 100, c[3] * 100, d * 100));
            }
        }
        return out.append(String.format(Locale.ROOT, "%nMax deviation: %.1f points (%s).%n", worst * 100, worstCell))
                .toString();
    }

    String render(List<String> profiles, Collection<String> langs) {
        StringBuilder out = new StringBuilder("simulator vs paper, accuracy % (English | target), " + title + "\n");
        out.append(String.format(Locale.ROOT, "%-18s", "profile"));
        langs.forEach(l -> out.append(String.format(Locale.ROOT, " | %-21s", l)));
        out.append('\n');
        for (String profile : profiles) {
            out.append(String.format(Locale.ROOT, "%-18s", profile));
            for (String l : langs) {
                double[] c = cells.get(profile + "/" + l);
                out.append(String.format(Locale.ROOT, " | %4.1f/%4.1f  %4.1f/%4.1f", c[0] * 100, c[1] * 100,
                        c[2] * 100, c[3] * 100));
            }
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "(each cell: English sim/paper  target sim/paper) max deviation %.1f points"
                + " (%s)%n", worst * 100, worstCell));
        return out.toString();
    }
}

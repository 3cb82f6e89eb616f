package dev.clp.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects pair outcomes and language summaries during a run. Thread-safe.
 */
public final class RunCollector {

    private final Map<String, List<PairOutcome>> outcomes = new LinkedHashMap<>();
    private final List<LanguageSummary> summaries = new ArrayList<>();

    private static String key(String suite, String lang) {
        return suite + "\u001f" + lang;
    }

    public synchronized void add(String suite, PairOutcome outcome) {
        outcomes.computeIfAbsent(key(suite, outcome.pair().lang()), k -> new ArrayList<>()).add(outcome);
    }

    public synchronized List<PairOutcome> outcomes(String suite, String lang) {
        return List.copyOf(outcomes.getOrDefault(key(suite, lang), List.of()));
    }

    /** Every outcome so far, in the order recorded. */
    public synchronized List<PairOutcome> allOutcomes() {
        List<PairOutcome> all = new ArrayList<>();
        outcomes.values().forEach(all::addAll);
        return all;
    }

    /**
     * Computes and records the summary of one language of one suite.
     *
     * @param alpha one-sided error of each bound, already corrected for the number of gates
     */
    public synchronized LanguageSummary summarize(String suite, String lang, double alpha, double maxGap) {
        List<PairOutcome> list = outcomes.getOrDefault(key(suite, lang), List.of());
        int consistent = 0;
        int weak = 0;
        int na = 0;
        int unparseable = 0;
        int errors = 0;
        List<GapStatistics.Graded> graded = new ArrayList<>();
        for (PairOutcome o : list) {
            if (o instanceof PairOutcome.Consistent c) {
                consistent++;
                graded.add(new GapStatistics.Graded(c.en().correctShare(), c.target().correctShare()));
            } else if (o instanceof PairOutcome.Weak w) {
                weak++;
                graded.add(new GapStatistics.Graded(w.en().correctShare(), w.target().correctShare()));
            } else if (o instanceof PairOutcome.NotApplicable x) {
                na++;
                graded.add(new GapStatistics.Graded(x.en().correctShare(), x.target().correctShare()));
            } else if (o instanceof PairOutcome.Unparseable) {
                unparseable++;
            } else {
                errors++;
            }
        }
        GapStatistics stats = GapStatistics.of(graded, alpha);
        LanguageSummary summary = new LanguageSummary(suite, lang, list.size(), consistent, weak, na, unparseable,
                errors, stats, maxGap, 1 - alpha, stats.verdict(maxGap));
        summaries.add(summary);
        return summary;
    }

    public synchronized List<LanguageSummary> summaries() {
        return List.copyOf(summaries);
    }
}

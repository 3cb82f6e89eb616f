package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.scoring.Baseline;
import dev.clp.scoring.GatePolicy;
import dev.clp.scoring.LanguageSummary;
import dev.clp.scoring.RunGates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's gates, decided once: Holm needs the p-value of every gate before it can decide any, so the
 * first gate to execute waits for all outcomes of the run (the prefetcher has been computing them all
 * along) and every gate then reads its decision here.
 */
final class GateBoard {

    private final List<PairDescriptor> pairs;
    private final Prefetcher prefetcher;
    private final ClpConfig config;
    private final Baseline baseline;
    private Map<String, LanguageSummary> summaries;

    /** Suite and language of each selected gate, so that a language without a pair still gets a summary. */
    private final List<String[]> gated;

    GateBoard(List<PairDescriptor> pairs, Prefetcher prefetcher, ClpConfig config, Baseline baseline,
            List<String[]> gated) {
        this.gated = List.copyOf(gated);
        this.pairs = List.copyOf(pairs);
        this.prefetcher = prefetcher;
        this.config = config;
        this.baseline = baseline;
    }

    /** The pairs of the run. */
    int pairs() {
        return pairs.size();
    }

    /** What the {@code clp.gate.*} keys demand. */
    static GatePolicy policy(ClpConfig.Gates g) {
        return new GatePolicy(g::maxGap, g.tolerance(), g.alpha(), g.minAnswered(), g.minBaselineCoverage(),
                g.allowUnderpowered(), g.inconclusiveFails());
    }

    static String key(String suite, String lang) {
        return suite + "\u001f" + lang;
    }

    /** The summary of one language of one suite, with its decided gates. */
    synchronized LanguageSummary summary(String suite, String lang) {
        return all().get(key(suite, lang));
    }

    /** Every language of the run, in execution order. */
    synchronized Map<String, LanguageSummary> all() {
        if (summaries == null) {
            prefetcher.awaitAll();
            Map<String, List<PairDescriptor>> byLanguage = new LinkedHashMap<>();
            Map<String, String[]> names = new LinkedHashMap<>();
            for (PairDescriptor p : pairs) {
                String k = key(p.suiteId(), p.lang());
                byLanguage.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
                names.putIfAbsent(k, new String[] {p.suiteId(), p.lang()});
            }
            for (String[] g : gated) {
                // a language whose file has no pair: its gates decide on nothing (no data) instead of finding no summary
                String k = key(g[0], g[1]);
                if (!byLanguage.containsKey(k)) {
                    byLanguage.put(k, new ArrayList<>());
                    names.put(k, g);
                }
            }
            // what the gates read of each pair, from the prefetcher's columns as each language is decided: not an
            // object per pair of the run at once
            List<RunGates.LanguageScores> input = new ArrayList<>();
            byLanguage.forEach((k, list) -> input.add(new RunGates.LanguageScores(names.get(k)[0], names.get(k)[1],
                    new java.util.AbstractList<RunGates.Scored>() {
                        @Override
                        public RunGates.Scored get(int index) {
                            return prefetcher.scored(list.get(index));
                        }

                        @Override
                        public int size() {
                            return list.size();
                        }
                    })));
            Map<String, LanguageSummary> result = new LinkedHashMap<>();
            for (LanguageSummary s : RunGates.decide(input, policy(config.gates()), baseline)) {
                result.put(key(s.suite(), s.lang()), s);
            }
            summaries = result;
        }
        return summaries;
    }
}

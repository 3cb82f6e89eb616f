package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.model.spi.Questions;
import dev.clp.scoring.Baseline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/**
 * What a run asks, read off the descriptor tree once filters were applied: the pairs in execution order, the pairs
 * asked only for their language's gates (a tag filter or a gate's unique id left their tests out), and the languages
 * with a gate, as {suite id, language}.
 */
record RunPlan(List<PairDescriptor> order, List<PairDescriptor> gateOnly, Set<UniqueId> untested,
        List<String[]> gatedLanguages, List<LanguageDescriptor> languages) {

    /** The baseline the regression gates compare with, when one is set and not being updated. */
    static Baseline baseline(ClpConfig config) {
        if (config.gates().baseline().isEmpty() || config.gates().baselineUpdate()) {
            return null;
        }
        try {
            return Baseline.read(config.gates().baseline().get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ClpConstants.BASELINE + ": " + e.getMessage());
        }
    }

    static RunPlan of(TestDescriptor engine, ClpConfig config) {
        List<PairDescriptor> order = new ArrayList<>();
        Set<UniqueId> ordered = new HashSet<>();
        List<LanguageDescriptor> gated = new ArrayList<>();
        Set<LanguageDescriptor> languages = new java.util.LinkedHashSet<>();
        engine.accept(d -> {
            if (d instanceof PairDescriptor p && config.includesLanguage(p.lang())) {
                order.add(p);
                ordered.add(p.getUniqueId());
                p.getParent().filter(LanguageDescriptor.class::isInstance)
                        .ifPresent(l -> languages.add((LanguageDescriptor) l));
            }
            if (d instanceof GateDescriptor g && g.getParent().orElse(null) instanceof LanguageDescriptor l
                    && config.includesLanguage(l.lang()) && !gated.contains(l)) {
                gated.add(l);
            }
        });
        // a gate decides from every pair of its language, also when a tag filter or a gate's unique id left the
        // pairs' tests out: those pairs are asked too, without tests of their own
        List<PairDescriptor> forGates = new ArrayList<>();
        for (LanguageDescriptor l : gated) {
            for (PairDescriptor p : l.pairsOfFile()) {
                if (ordered.add(p.getUniqueId())) {
                    order.add(p);
                    forGates.add(p);
                    }
            }
        }
        Set<UniqueId> untested = new HashSet<>();
        forGates.forEach(p -> untested.add(p.getUniqueId()));
        List<String[]> gatedLanguages = new ArrayList<>();
        for (LanguageDescriptor l : gated) {
            l.getParent().filter(SuiteDescriptor.class::isInstance).map(SuiteDescriptor.class::cast)
                    .ifPresent(s -> gatedLanguages.add(new String[] {s.suiteId(), l.lang()}));
        }
        languages.addAll(gated);
        return new RunPlan(List.copyOf(order), List.copyOf(forGates), untested, gatedLanguages,
                List.copyOf(languages));
    }

    /**
     * The questions of every pairs file the run asks from, for a stand-in model that answers from them; made only for
     * one (an HTTP provider ignores them, and they hold the text of every pair). Whole files, not the selection: the
     * simulator balances its answers over the pairs it knows, so a shard ({@code clp.shard}), a tag filter or a unique
     * id must not change what it answers to the same pair, or shards merged would not be the whole run.
     */
    Questions questions() {
        Questions key = new Questions();
        Set<dev.clp.suite.Pair> known = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (LanguageDescriptor l : languages) {
            for (dev.clp.suite.Pair p : l.filePairs()) {
                if (known.add(p)) {
                    key.add(p);
                }
            }
        }
        for (PairDescriptor p : order) {
            // (every language of the order knows its file's pairs; a pair of one that does not is read)
            if (p.getParent().orElse(null) instanceof LanguageDescriptor l && l.filePairs().isEmpty()) {
                key.add(p.load());
            }
        }
        return key;
    }
}

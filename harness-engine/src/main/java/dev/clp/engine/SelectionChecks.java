package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.UnknownKeys;
import dev.clp.suite.Languages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestDescriptor;

/**
 * What makes a selection measure nothing: {@code clp.languages} values that are no language of the selected suites,
 * and a run left with no pair to ask. Both are errors, so that a run that measured nothing never passes.
 */
final class SelectionChecks {

    private SelectionChecks() {
    }

    /** The languages of the selected suites: every pairs file of each suite, and each language selected on its own. */
    static Set<String> suiteLanguages(TestDescriptor engine) {
        Set<String> langs = new TreeSet<>();
        for (TestDescriptor d : engine.getDescendants()) {
            if (d instanceof SuiteDescriptor s && s.suite() != null) {
                langs.addAll(s.suite().languageFiles().keySet());
            } else if (d instanceof LanguageDescriptor l) {
                langs.add(l.lang());
            }
        }
        return langs;
    }

    /**
     * Why {@code clp.languages} names a language the suites do not have, or empty when every value is one of them
     * (or nothing was selected, where there is nothing to compare with).
     */
    static Optional<String> unknownLanguages(ClpConfig config, TestDescriptor engine) {
        Set<String> available = suiteLanguages(engine);
        if (config.languages().isEmpty() || available.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        for (String value : new TreeSet<>(config.languages())) {
            if (!available.contains(value)) {
                problems.add(ClpConstants.LANGUAGES + ": '" + value + "' is not a language of the suites"
                        + suggestion(value, available).map(t -> " (did you mean " + t + "?)").orElse(""));
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("; ", problems) + "; the suites have " + String.join(", ", available)
                + " (BCP 47 tags, comma-separated)");
    }

    /**
     * One message per {@code clp.gate.max-gap.<lang>} threshold whose language is none of the selected suites' (a
     * typo leaves that language on the run-wide threshold); empty when nothing was selected.
     */
    static List<String> thresholdsForOtherLanguages(ClpConfig config, TestDescriptor engine) {
        Set<String> available = suiteLanguages(engine);
        List<String> problems = new ArrayList<>();
        if (available.isEmpty()) {
            return problems;
        }
        for (String lang : new TreeSet<>(config.gates().maxGapByLanguage().keySet())) {
            if (!available.contains(lang)) {
                problems.add(ClpConstants.GATE_MAX_GAP_PREFIX + lang + ": '" + lang + "' is not a language of the suites"
                        + suggestion(lang, available).map(t -> " (did you mean " + t + "?)").orElse("")
                        + "; the threshold applies to no gate (the suites have " + String.join(", ", available) + ")");
            }
        }
        return problems;
    }

    /** The tag meant by a value: its English name ("Swahili"), another case ("SW"), or a near miss of a tag or name. */
    private static Optional<String> suggestion(String value, Set<String> available) {
        Optional<String> byName = Languages.tagForName(value).filter(available::contains);
        if (byName.isPresent()) {
            return byName;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (available.contains(lower)) {
            return Optional.of(lower);
        }
        List<String> names = available.stream().map(t -> Languages.name(t).toLowerCase(Locale.ROOT)).toList();
        Optional<String> nearName = UnknownKeys.nearest(lower, names);
        if (nearName.isPresent()) {
            return available.stream().filter(t -> Languages.name(t).toLowerCase(Locale.ROOT).equals(nearName.get()))
                    .findFirst();
        }
        return Optional.empty();
    }

    /** Why a run has no pair to ask, for the error that stops it. */
    static String noPairReason(ClpConfig config, TestDescriptor engine) {
        Set<String> selected = new TreeSet<>();
        boolean anyPair = false;
        for (TestDescriptor d : engine.getDescendants()) {
            if (d instanceof LanguageDescriptor l) {
                selected.add(l.lang());
            } else if (d instanceof PairDescriptor) {
                anyPair = true;
            }
        }
        String why;
        if (!selected.isEmpty() && selected.stream().noneMatch(config::includesLanguage)) {
            why = ClpConstants.LANGUAGES + "=" + String.join(",", new TreeSet<>(config.languages()))
                    + " excludes every selected language (" + String.join(", ", selected) + ")";
        } else if (!anyPair) {
            why = "the selection holds no pairs: the suites have no pairs"
                    + (selected.isEmpty() ? "" : " in " + String.join(", ", selected))
                    + ", every line is invalid, or a tag filter or unique-id selector kept none";
        } else {
            why = "no selected pair is in a language of " + ClpConstants.LANGUAGES;
        }
        return "no pair was run: " + why + ". A run that measured nothing cannot pass; select suites with pairs, "
                + "or change the filter.";
    }
}

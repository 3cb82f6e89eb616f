package dev.clp.assertions;

import dev.clp.run.GatesDocument;
import dev.clp.run.RunDocument;
import dev.clp.scoring.Baseline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/** Assertions on a whole run: its languages, its gates, its weak pairs against a baseline. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunAssert extends AbstractAssert<RunAssert, ClpRun> {

    RunAssert(ClpRun actual) {
        super(actual, RunAssert.class);
        isNotNull();
    }

    /** The language's figures; fails, listing the run's languages, when the run does not have it. */
    public LanguageAssert language(String lang) {
        RunDocument.Language language = actual.language(lang).orElse(null);
        if (language == null) {
            failWithMessage("%s: the run has no language <%s>; it has %s", actual.model(), lang, languages());
        }
        return new LanguageAssert(language);
    }

    /**
     * A gate of a language: {@code coverage}, {@code gap} or {@code regression}; fails, listing the language's gates,
     * when the run does not have it.
     */
    public GateAssert gate(String lang, String kind) {
        GatesDocument.Gate gate = actual.gates().gate(lang, kind).orElse(null);
        if (gate == null) {
            List<String> kinds = actual.gates().gates().stream().filter(g -> g.lang().equals(lang))
                    .map(GatesDocument.Gate::kind).toList();
            failWithMessage("%s: the run has no %s gate for <%s>; %s", actual.model(), kind, lang,
                    kinds.isEmpty() ? "the run has no gate for it (languages: " + languages() + ")"
                            : "its gates are " + kinds);
        }
        return new GateAssert(gate);
    }

    /** Passes when no gate fails the build; the failure lists every failing gate's message. */
    public RunAssert passed() {
        List<String> failing = actual.gates().gates().stream().filter(GatesDocument.Gate::fails)
                .map(GatesDocument.Gate::message).toList();
        if (!failing.isEmpty()) {
            failWithMessage("%s: expected every gate to pass but %d fail:%n  %s", actual.model(), failing.size(),
                    String.join(System.lineSeparator() + "  ", failing));
        }
        return this;
    }

    /** Passes when at least one gate fails the build. */
    public RunAssert failed() {
        if (!actual.gates().failed()) {
            failWithMessage("%s: expected a gate to fail but all %d passed", actual.model(),
                    actual.gates().gates().size());
        }
        return this;
    }

    /** Passes when the run graded at least one pair: a run that measured nothing fails here. */
    public RunAssert measuredSomething() {
        if (actual.runRecord().languages().stream().allMatch(l -> l.graded() == 0)) {
            failWithMessage("%s: the run graded no pair (%d pairs, languages %s)", actual.model(),
                    actual.runRecord().pairs().size(), languages());
        }
        return this;
    }

    /** Passes when the offline simulator did not answer (a real model was measured). */
    public RunAssert isNotSimulated() {
        if (actual.runRecord().simulated()) {
            failWithMessage("%s: the offline simulator answered; its figures say nothing about a real model",
                    actual.model());
        }
        return this;
    }

    /**
     * The ids of the pairs weak in this run (English right, target wrong) that the baseline has and that were not
     * weak there, as an AssertJ list ({@code isEmpty()}, {@code hasSize(n)}, {@code containsOnly(...)}).
     *
     * @param baseline a baseline file ({@code clp baseline record}, {@code clp.baseline.update=true})
     */
    public ListAssert<String> newWeakPairsAgainst(Path baseline) {
        return newWeakPairsAgainst(Baseline.read(baseline));
    }

    /** As {@link #newWeakPairsAgainst(Path)}, for a baseline already read. */
    public ListAssert<String> newWeakPairsAgainst(Baseline baseline) {
        Objects.requireNonNull(baseline, "baseline");
        List<String> fresh = new ArrayList<>();
        for (RunDocument.PairResult p : actual.runRecord().pairs()) {
            if (p.weak() && baseline.pair(p.suite(), p.id()).map(b -> !b.weak()).orElse(false)) {
                fresh.add(p.id());
            }
        }
        return Assertions.assertThat(fresh).as("new weak pairs of %s against the baseline of %s", actual.model(),
                baseline.model());
    }

    private List<String> languages() {
        return actual.runRecord().languages().stream().map(RunDocument.Language::lang).toList();
    }
}

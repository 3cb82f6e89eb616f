package dev.clp.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code run.json} as a type ({@code clp-run/v1}, described by {@code schema/clp-run-v1.schema.json}): the model,
 * whether simulated, the settings and usage, the suites, one entry per suite and language with its figures and
 * gates, and every pair's outcome with both raw answers. Figures that could not be computed (no graded pair) are
 * null; so are figures an older file does not have (read as null or zero). Fields are written in the order of the
 * components; optional ones (marked) are left out when null.
 *
 * @param format always {@value #FORMAT}
 * @param model {@code <provider>:<model>}
 * @param simulated whether the offline simulator answered
 * @param startedAt ISO-8601 instant the run started
 * @param finishedAt ISO-8601 instant the run finished
 * @param settings the configuration values that shape results
 * @param usage what the model layer did
 * @param suites suite id to suite version
 * @param baselineModel the baseline's model (left out without a baseline)
 * @param shard with {@code clp.shard=i/n}: which shard this run is (its gates are deferred to {@code clp merge});
 *     left out for a whole run
 * @param mergedShards in the record {@code clp merge} writes: how many shards it was merged from (else left out)
 * @param languages one per suite and language
 * @param pairs every pair's outcome
 * @param partial only in the record of a run that did not finish: why (left out otherwise); such a record has the
 *     pairs answered until then and no language
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunDocument(String format, String model, boolean simulated, String startedAt, String finishedAt,
        RunSettings settings, RunUsage usage, Map<String, String> suites,
        @JsonInclude(JsonInclude.Include.NON_NULL) String baselineModel,
        @JsonInclude(JsonInclude.Include.NON_NULL) Shard shard,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer mergedShards, List<Language> languages,
        List<PairResult> pairs, @JsonInclude(JsonInclude.Include.NON_NULL) String partial) {

    /** The format tag of {@code run.json}. */
    public static final String FORMAT = "clp-run/v1";
    /** The file name the engine writes into {@code clp.results.dir}. */
    public static final String FILE = "run.json";

    public RunDocument {
        suites = suites == null ? Map.of() : suites;
        languages = languages == null ? List.of() : List.copyOf(languages);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    /** The record of a whole run (neither a shard nor a merge), finished or {@code partial}. */
    public RunDocument(String format, String model, boolean simulated, String startedAt, String finishedAt,
            RunSettings settings, RunUsage usage, Map<String, String> suites, String baselineModel,
            List<Language> languages, List<PairResult> pairs, String partial) {
        this(format, model, simulated, startedAt, finishedAt, settings, usage, suites, baselineModel, null, null,
                languages, pairs, partial);
    }

    /** The record of a finished run (no {@code partial}), a shard's or a merge's. */
    public RunDocument(String format, String model, boolean simulated, String startedAt, String finishedAt,
            RunSettings settings, RunUsage usage, Map<String, String> suites, String baselineModel, Shard shard,
            Integer mergedShards, List<Language> languages, List<PairResult> pairs) {
        this(format, model, simulated, startedAt, finishedAt, settings, usage, suites, baselineModel, shard,
                mergedShards, languages, pairs, null);
    }

    /**
     * Reads a {@code run.json}.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or is not a clp run record
     */
    public static RunDocument read(Path runJson) {
        return RecordFiles.read(runJson, FORMAT, "clp run record", RunDocument.class);
    }

    /** Writes this record to {@code file} atomically; returns the file. */
    public Path write(Path file) {
        return RecordFiles.write(file, this);
    }

    /** A whole run's record (neither a shard nor a merge of shards). */
    public RunDocument(String format, String model, boolean simulated, String startedAt, String finishedAt,
            RunSettings settings, RunUsage usage, Map<String, String> suites, String baselineModel,
            List<Language> languages, List<PairResult> pairs) {
        this(format, model, simulated, startedAt, finishedAt, settings, usage, suites, baselineModel, null, null,
                languages, pairs, null);
    }

    /**
     * This record as a shard's ({@code clp.shard=i/n}): the shard named, and no gate decided, since a gate decided on
     * a slice of a language would be another family than the run's: every language's verdict reads
     * {@value #DEFERRED}, its bounds are left out and no gate fails, except a coverage gate that failed because the
     * shard could not read its answers (an error, or no pair answered readably on both sides).
     *
     * @param coverageFails whether a language's coverage check failed in the shard
     */
    public RunDocument asShard(int index, int count, java.util.function.Predicate<Language> coverageFails) {
        List<Language> deferred = languages.stream().map(l -> {
            boolean fails = coverageFails.test(l);
            return new Language(l.suite(), l.lang(), l.language(), l.pairs(), l.graded(), l.consistent(), l.weak(),
                    l.knownWeak(), l.notApplicable(), l.unparseable(), l.errors(), l.notRun(), l.flaky(),
                    l.englishAccuracy(), l.targetAccuracy(), l.gap(), null, null, l.confidence(), l.maxGap(), DEFERRED,
                    l.coverage(), l.covered(), l.unreadableEnglish(), l.unreadableTarget(), fails, fails, false, false,
                    null);
        }).toList();
        return new RunDocument(format, model, simulated, startedAt, finishedAt, settings, usage, suites, baselineModel,
                new Shard(index, count), null, deferred, pairs);
    }

    /** A shard's verdict of every gate it does not decide. */
    public static final String DEFERRED = "DEFERRED";

    /**
     * Which shard a run was ({@code clp.shard=index/count}).
     *
     * @param index 1 to {@code count}
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record Shard(int index, int count) {
    }

    /** The entry of a language (the first suite that has it), if the run has one. */
    public Optional<Language> language(String lang) {
        return languages.stream().filter(l -> l.lang().equals(lang)).findFirst();
    }

    /** One suite's language: counts, accuracies, the gap with its bounds and verdict, coverage and the gates. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record Language(String suite, String lang, String language, int pairs, int graded, int consistent, int weak,
            int knownWeak, int notApplicable, int unparseable, int errors, int notRun, int flaky,
            Double englishAccuracy, Double targetAccuracy, Double gap, Double gapLower, Double gapUpper,
            double confidence, Double maxGap, String verdict, Double coverage, int covered, int unreadableEnglish,
            int unreadableTarget, boolean failed, boolean coverageFails, boolean gapFails, boolean gapUnderpowered,
            @JsonInclude(JsonInclude.Include.NON_NULL) Regression regression) {
    }

    /**
     * The regression gate of a language against the baseline (figures as in {@code gates.json}); the verdict is the
     * gate's outcome, so a partial baseline reads {@code NO_DATA}.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record Regression(String suite, String lang, String kind, int n, int clusters, Double designEffect,
            Double baselineAccuracy, Double candidateAccuracy, Double difference, Double lower, Double upper,
            double boundsConfidence, double threshold, Double pValue, Double holmAdjustedP,
            Double minimumDetectableEffect, String verdict, boolean fails, boolean underpowered) {
    }

    /**
     * One pair's outcome.
     *
     * @param outcome {@code consistent}, {@code weak}, {@code not-applicable}, {@code unparseable}, {@code error}
     *     or {@code not-run}
     * @param flaky graded pairs only: whether the samples disagreed
     * @param en the English side (graded and unparseable pairs only)
     * @param target the target side (graded and unparseable pairs only)
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record PairResult(String suite, String id, String lang, String question, String outcome,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean flaky,
            @JsonInclude(JsonInclude.Include.NON_NULL) Side en,
            @JsonInclude(JsonInclude.Include.NON_NULL) Side target, String message) {

        /** Whether the pair is weak: English right, target wrong (whether or not the baseline knew it). */
        public boolean weak() {
            return "weak".equals(outcome);
        }
    }

    /**
     * One side of a pair over its samples.
     *
     * @param expected the right letter
     * @param chosen the letter most samples chose, or null
     * @param correctShare share of samples that chose the right letter
     * @param answers the raw answers (untrusted text)
     * @param extraction per answer, which extraction layer read it, or {@code unparseable: <reason>}
     * @param letterProbabilities with {@code clp.logprobs}: per sample, each letter's probability (else left out)
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record Side(String expected, String chosen, double correctShare, List<String> answers,
            List<String> extraction,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Map<String, Double>> letterProbabilities) {
    }
}

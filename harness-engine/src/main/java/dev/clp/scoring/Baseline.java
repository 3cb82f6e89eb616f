package dev.clp.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.clp.run.RunDocument;
import dev.clp.suite.SuiteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A model's recorded results, meant to be committed: per pair the outcome and the correct shares, per
 * language the accuracies, and the model, date, K, temperature and suite versions. With a baseline, weak
 * pairs it already had are reported as known, and the regression gate compares the candidate with it on
 * the same pairs.
 *
 * @param model the model the baseline was recorded with
 * @param recordedAt when
 * @param samples K
 * @param temperature decoding temperature
 * @param suites suite id to version
 * @param pairs suite id to pair id to result
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Baseline(String model, String recordedAt, int samples, double temperature, Map<String, String> suites,
        Map<String, Map<String, PairResult>> pairs) {

    public static final String FORMAT = "clp-baseline/v1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** One pair's recorded result. */
    public record PairResult(String lang, String outcome, double english, double target) {
        public boolean weak() {
            return "weak".equals(outcome);
        }

        /**
         * Whether the model answered the pair on both sides (an unreadable answer counts as a wrong one), so that
         * its target share can be compared; errors and pairs not run cannot be.
         */
        public boolean graded() {
            return !"error".equals(outcome) && !"not-run".equals(outcome) && !Double.isNaN(target);
        }
    }

    public Optional<PairResult> pair(String suite, String pairId) {
        return Optional.ofNullable(pairs.getOrDefault(suite, Map.of()).get(pairId));
    }

    /**
     * Builds a baseline from a run's {@code run.json}: the one path used by {@code clp baseline record} and
     * by {@code clp.baseline.update=true}.
     *
     * @throws IllegalArgumentException naming the file when it is not a run record
     */
    public static Baseline fromRun(Path runJson) {
        return fromRun(RunDocument.read(runJson));
    }

    /** Builds a baseline from a run record: per pair its outcome and both correct shares. */
    public static Baseline fromRun(RunDocument run) {
        Map<String, Map<String, PairResult>> pairs = new TreeMap<>();
        for (RunDocument.PairResult p : run.pairs()) {
            pairs.computeIfAbsent(p.suite(), k -> new TreeMap<>()).put(p.id(),
                    new PairResult(p.lang(), p.outcome(), share(p.en()), share(p.target())));
        }
        return new Baseline(run.model(), run.finishedAt(), run.settings() == null ? 1 : run.settings().samples(),
                run.settings() == null ? 0 : run.settings().temperature(), new TreeMap<>(run.suites()), pairs);
    }

    private static double share(RunDocument.Side side) {
        return side == null ? Double.NaN : side.correctShare();
    }

    /** Writes the baseline file atomically (stable key order, so diffs are reviewable). */
    public Path write(Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("model", model);
        root.put("recordedAt", recordedAt);
        root.put("samples", samples);
        root.put("temperature", temperature);
        root.put("suites", suites);
        Map<String, Object> ps = new TreeMap<>();
        pairs.forEach((suite, m) -> {
            Map<String, Object> bySuite = new TreeMap<>();
            m.forEach((id, r) -> {
                Map<String, Object> pr = new LinkedHashMap<>();
                pr.put("lang", r.lang());
                pr.put("outcome", r.outcome());
                pr.put("english", Double.isNaN(r.english()) ? null : r.english());
                pr.put("target", Double.isNaN(r.target()) ? null : r.target());
                bySuite.put(id, pr);
            });
            ps.put(suite, bySuite);
        });
        root.put("pairs", ps);
        try {
            SuiteWriter.writeAtomically(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baseline " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Reads a baseline file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    public static Baseline read(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": baseline file not found");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a readable baseline: " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(file + ": format: expected \"" + FORMAT + "\"");
        }
        Stored stored;
        try {
            stored = JSON.readerFor(Stored.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(root);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a readable baseline: " + e.getMessage(), e);
        }
        Map<String, Map<String, PairResult>> pairs = new TreeMap<>();
        stored.pairs().forEach((suite, bySuite) -> {
            Map<String, PairResult> m = new TreeMap<>();
            bySuite.forEach((id, v) -> m.put(id, new PairResult(v.lang(), v.outcome(), nanIfNull(v.english()),
                    nanIfNull(v.target()))));
            pairs.put(suite, m);
        });
        return new Baseline(stored.model(), stored.recordedAt(), stored.samples() == null ? 1 : stored.samples(),
                stored.temperature() == null ? 0 : stored.temperature(), new TreeMap<>(stored.suites()), pairs);
    }

    private static double nanIfNull(Double v) {
        return v == null ? Double.NaN : v;
    }

    /** The baseline file as {@link #write} writes it. */
    private record Stored(String format, String model, String recordedAt, Integer samples, Double temperature,
            Map<String, String> suites, Map<String, Map<String, StoredPair>> pairs) {
        Stored {
            suites = suites == null ? Map.of() : suites;
            pairs = pairs == null ? Map.of() : pairs;
        }
    }

    /** One pair of the baseline file; a share is null where the pair was not graded. */
    private record StoredPair(String lang, String outcome, Double english, Double target) {
    }
}

package dev.clp.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code gates.json} as a type ({@code clp-gates/v1}, described by {@code schema/clp-gates-v1.schema.json}): every
 * gate of the run with its figures and verdict, the family alpha, the method and what a verdict promises.
 *
 * @param format always {@value #FORMAT}
 * @param failed whether any gate fails the build
 * @param gates per suite and language: the coverage gate, the gap gate and, with a baseline, the regression gate
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GatesDocument(String format, String model, boolean simulated, double alpha, String correction,
        String method, String promise, boolean failed, List<Gate> gates) {

    /** The format tag of {@code gates.json}. */
    public static final String FORMAT = "clp-gates/v1";
    /** The file name the engine writes beside {@code run.json}. */
    public static final String FILE = "gates.json";

    public GatesDocument {
        gates = gates == null ? List.of() : List.copyOf(gates);
    }

    /**
     * Reads a {@code gates.json}.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or is not a clp gates record
     */
    public static GatesDocument read(Path gatesJson) {
        return RecordFiles.read(gatesJson, FORMAT, "clp gates record", GatesDocument.class);
    }

    /** Writes this record to {@code file} atomically; returns the file. */
    public Path write(Path file) {
        return RecordFiles.write(file, this);
    }

    /** The gate of a kind ({@code coverage}, {@code gap}, {@code regression}) for a language, if the run has it. */
    public Optional<Gate> gate(String lang, String kind) {
        return gates.stream().filter(g -> g.lang().equals(lang) && g.kind().equals(kind)).findFirst();
    }

    /** One gate's decision: what every kind has in common. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind",
            visible = true)
    @JsonSubTypes({
        @JsonSubTypes.Type(value = CoverageGate.class, name = CoverageGate.KIND),
        @JsonSubTypes.Type(value = GapGate.class, name = GapGate.KIND),
        @JsonSubTypes.Type(value = RegressionGate.class, name = RegressionGate.KIND)
    })
    public sealed interface Gate permits CoverageGate, GapGate, RegressionGate {
        String suite();

        String lang();

        /** {@code coverage}, {@code gap} or {@code regression}. */
        String kind();

        /** {@code PASS}, {@code FAIL}, {@code INCONCLUSIVE} or {@code NO_DATA}. */
        String verdict();

        boolean underpowered();

        /** Whether the gate fails the build (a FAIL, or an INCONCLUSIVE or no-data result the policy does not accept). */
        boolean fails();

        /** The gate's figures in one sentence, naming the language and the key of its threshold. */
        String message();
    }

    /** The share of pairs answered readably on both sides against {@code clp.gate.min-answered}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record CoverageGate(String suite, String lang, String kind, int pairs, int covered, double share,
            int unreadableEnglish, int unreadableTarget, int errors, int notRun, String verdict, boolean underpowered,
            boolean fails, String message) implements Gate {
        public static final String KIND = "coverage";
    }

    /** English minus target accuracy against the language's maximum gap. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record GapGate(String suite, String lang, String kind, int n, int clusters, Double designEffect,
            Double englishAccuracy, Double targetAccuracy, Double difference, Double lower, Double upper,
            double boundsConfidence, double threshold, Double pValue, Double holmAdjustedP,
            Double minimumDetectableEffect, String verdict, boolean underpowered, boolean fails, String message)
            implements Gate {
        public static final String KIND = "gap";
    }

    /** Baseline minus candidate target accuracy on the same pairs against {@code clp.gate.tolerance}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record RegressionGate(String suite, String lang, String kind, int n, int clusters, Double designEffect,
            Double baselineAccuracy, Double candidateAccuracy, Double difference, Double lower, Double upper,
            double boundsConfidence, double threshold, Double pValue, Double holmAdjustedP,
            Double minimumDetectableEffect, String verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double baselineCoverage, boolean underpowered, boolean fails,
            String message) implements Gate {
        public static final String KIND = "regression";
    }
}

package dev.clp.assertions;

import dev.clp.run.GatesDocument;
import dev.clp.run.RunDocument;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One finished run: its typed {@code run.json} and {@code gates.json}, where they are, the engine's summary table and
 * how many tests (pairs and gates) passed and failed on the JUnit Platform.
 *
 * @param resultsDir the directory holding {@code run.json} and {@code gates.json}
 * @param runRecord {@code run.json}
 * @param gates {@code gates.json}
 * @param summary the engine's summary table (report entry {@code clp.summary}); empty when read from files
 * @param testsSucceeded tests (pairs and gates) that passed; -1 when read from files
 * @param testsFailed tests that failed; -1 when read from files
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ClpRun(Path resultsDir, RunDocument runRecord, GatesDocument gates, String summary,
        long testsSucceeded, long testsFailed) {

    /**
     * Reads a run written earlier (by {@code clp run}, Maven or Gradle) from its results directory.
     *
     * @throws IllegalArgumentException naming the file when {@code run.json} or {@code gates.json} is missing or is
     *     not a clp record
     */
    public static ClpRun read(Path resultsDir) {
        return new ClpRun(resultsDir, RunDocument.read(resultsDir.resolve(RunDocument.FILE)),
                GatesDocument.read(resultsDir.resolve(GatesDocument.FILE)), "", -1, -1);
    }

    /** The model, {@code <provider>:<model>}. */
    public String model() {
        return runRecord.model();
    }

    /** A language's entry in {@code run.json}, if the run has the language. */
    public Optional<RunDocument.Language> language(String lang) {
        return runRecord.language(lang);
    }

    /** Whether any gate fails the build. */
    public boolean failed() {
        return gates.failed();
    }
}

package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.run.RunJournal;
import dev.clp.suite.SuiteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fails, naming the key and the directory, when a directory the run writes its results to cannot be written: found
 * before the first model call, not after every call was paid for.
 */
final class OutputDirectories {

    private OutputDirectories() {
    }

    static void check(ClpConfig config) {
        writable(ClpConstants.RESULTS_DIR, config.output().resultsDir());
        config.output().allureResultsDir().ifPresent(dir -> writable(ClpConstants.ALLURE_RESULTS_DIR, dir));
    }

    /**
     * Removes the results of an earlier run (run.json, gates.json) from the results directory as this run starts, so
     * that a run that is interrupted, or fails before writing, never leaves another run's verdicts to be read as its
     * own ({@code clp report}, a CI step summary).
     */
    static void clearEarlierResults(ClpConfig config) {
        for (String name : new String[] {"run.json", "gates.json"}) {
            Path file = config.output().resultsDir().resolve(name);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new ConfigException(ClpConstants.RESULTS_DIR + ": " + file + ": cannot remove the earlier run's "
                        + "results (" + SuiteWriter.reason(e) + "), which would otherwise stay as if they were this run's");
            }
        }
    }

    /** The run's journal of pairs for run.json ({@link RunJournal}), started before the first model call. */
    static RunJournal journal(ClpConfig config) {
        try {
            return RunJournal.open(config.output().resultsDir());
        } catch (java.io.UncheckedIOException e) {
            throw new ConfigException(ClpConstants.RESULTS_DIR + ": " + e.getMessage()
                    + "; choose a writable directory with " + ClpConstants.RESULTS_DIR);
        }
    }

    private static void writable(String key, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".clp-write-check", ".tmp"));
        } catch (IOException e) {
            throw new ConfigException(key + ": " + dir + ": cannot write results here (" + SuiteWriter.reason(e)
                    + "); choose a writable directory with " + key);
        }
    }
}

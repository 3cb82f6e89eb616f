package dev.clp.engine;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
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

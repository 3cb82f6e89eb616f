package dev.clp.testing;

import dev.clp.config.ClpConstants;
import dev.clp.engine.ClpTestEngine;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The one way engine tests run the {@code clp} engine through {@link EngineTestKit}: every run gets its own results,
 * Allure and response-cache directories under the test's {@code @TempDir}, so no two tests share
 * {@code target/allure-results} (where clean-up on would delete the other's files) or the user's response cache.
 * EngineTestKit ignores {@code junit-platform.properties}: everything a run needs is passed explicitly, and a test
 * may still override any of these keys on the builder it gets.
 */
public final class EngineRun {

    private final Path dir;

    private EngineRun(Path dir) {
        this.dir = dir;
    }

    /** Runs whose files all go under {@code dir} (a JUnit {@code @TempDir}). */
    public static EngineRun in(Path dir) {
        return new EngineRun(dir);
    }

    /** The engine as a test sees it, with the given environment instead of the process's. */
    public EngineTestKit.Builder engine(Map<String, String> environment) {
        return engine(new ClpTestEngine(environment));
    }

    /** An EngineTestKit builder for {@code engine} with this run's own directories set. */
    public EngineTestKit.Builder engine(TestEngine engine) {
        return EngineTestKit.engine(engine)
                .configurationParameter(ClpConstants.RESULTS_DIR, resultsDir().toString())
                .configurationParameter(ClpConstants.ALLURE_RESULTS_DIR, allureDir().toString())
                .configurationParameter(ClpConstants.CACHE_PATH, cacheFile().toString());
    }

    /** Where run.json and gates.json go. */
    public Path resultsDir() {
        return dir.resolve("results");
    }

    public Path allureDir() {
        return dir.resolve("allure-results");
    }

    public Path cacheFile() {
        return dir.resolve("cache").resolve("responses.sqlite");
    }
}

package dev.clp.assertions;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.clp.config.ClpConstants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a suite through the JUnit Platform Launcher (the {@code clp} engine only) and returns the typed run record.
 * Configuration is explicit: {@code junit-platform.properties} and system properties are not read, so a test says
 * what it runs. Unless given, the results go to a fresh temporary directory ({@code clp.results.dir}), Allure is off
 * ({@code clp.allure}) and the engine prints no summary table ({@code clp.console.summary}; the table is in
 * {@link ClpRun#summary()}). The engine reads the process environment (API keys; {@code CI} and
 * {@code CLP_ALLOW_SIMULATED} for the simulator).
 *
 * <pre>{@code
 * ClpRun run = ClpRunner.suite(Path.of("suites/starter"))
 *         .model("sim:gpt-4o")
 *         .configurationParameter("clp.languages", "sw,yo")
 *         .run();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ClpRunner {

    private final DiscoverySelector selector;
    private final String what;
    private final Map<String, String> configuration = new LinkedHashMap<>();

    private ClpRunner(DiscoverySelector selector, String what) {
        this.selector = selector;
        this.what = what;
        configuration.put(ClpConstants.ALLURE, "off");
        configuration.put(ClpConstants.CONSOLE_SUMMARY, "false");
    }

    /** A suite directory (or a directory of suites). */
    public static ClpRunner suite(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir.toAbsolutePath().normalize() + ": no suite directory here");
        }
        return new ClpRunner(selectDirectory(dir.toFile()), dir.toString());
    }

    /** A suite packaged on the class path, e.g. {@code suites/starter}. */
    public static ClpRunner classpathSuite(String resource) {
        return new ClpRunner(selectClasspathResource(resource), "classpath:" + resource);
    }

    /** The model under test ({@code clp.model}), {@code <provider>:<model>}. */
    public ClpRunner model(String model) {
        return configurationParameter(ClpConstants.MODEL, model);
    }

    /** Where {@code run.json} and {@code gates.json} go ({@code clp.results.dir}). */
    public ClpRunner resultsDir(Path dir) {
        return configurationParameter(ClpConstants.RESULTS_DIR, dir.toString());
    }

    /** A {@code clp.*} key (see {@link ClpConstants}). */
    public ClpRunner configurationParameter(String key, String value) {
        configuration.put(key, value);
        return this;
    }

    /** Several {@code clp.*} keys. */
    public ClpRunner configurationParameters(Map<String, String> parameters) {
        configuration.putAll(parameters);
        return this;
    }

    /**
     * Runs the suite and reads what it wrote.
     *
     * @throws IllegalStateException when the run wrote no run record (a configuration error, no pair selected, a
     *     directory that cannot be written), with the engine's message
     */
    public ClpRun run() {
        Map<String, String> parameters = new LinkedHashMap<>(configuration);
        if (!parameters.containsKey(ClpConstants.RESULTS_DIR)) {
            try {
                parameters.put(ClpConstants.RESULTS_DIR, Files.createTempDirectory("clp-run-").toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a results directory for " + what, e);
            }
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector)
                .filters(EngineFilter.includeEngines(ClpConstants.ENGINE_ID))
                .configurationParameters(parameters)
                .enableImplicitConfigurationParameters(false)
                .build();
        Recorder recorder = new Recorder();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, recorder);
        String results = recorder.entries.get("clp.results");
        if (results == null) {
            Throwable failure = recorder.engineFailure.get();
            throw new IllegalStateException(what + ": the clp engine wrote no run record"
                    + (failure == null ? " (nothing selected?)" : ": " + failure.getMessage()), failure);
        }
        Path dir = Path.of(results).getParent();
        ClpRun read = ClpRun.read(dir);
        return new ClpRun(dir, read.runRecord(), read.gates(), recorder.entries.getOrDefault("clp.summary", ""),
                recorder.succeeded.get(), recorder.failed.get());
    }

    /** Collects the engine's report entries, its own failure and the tests' results. */
    private static final class Recorder implements TestExecutionListener {
        final Map<String, String> entries = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicReference<Throwable> engineFailure = new AtomicReference<>();
        final AtomicLong succeeded = new AtomicLong();
        final AtomicLong failed = new AtomicLong();

        @Override
        public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
            entries.putAll(entry.getKeyValuePairs());
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            if (identifier.getParentId().isEmpty()) {
                result.getThrowable().ifPresent(engineFailure::set);
            } else if (identifier.isTest()) {
                (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? succeeded : failed).incrementAndGet();
            }
        }
    }
}
